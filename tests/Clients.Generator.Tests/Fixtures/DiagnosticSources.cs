namespace Clients.Generator.Tests.Fixtures;

/// <summary>Interfaces that trigger each diagnostic, and their corrected versions.</summary>
internal static class DiagnosticSources
{
    public const string TwoProviders = """
        [Clients.Ovh.OvhApi, Clients.Optimum.OptimumApi]
        public interface ITwoProvidersApi
        {
            [Refit.Get("/x")] System.Threading.Tasks.Task GetAsync();
        }
        """;

    public const string OneProvider = """
        [Clients.Ovh.OvhApi]
        public interface ITwoProvidersApi
        {
            [Refit.Get("/x")] System.Threading.Tasks.Task GetAsync();
        }
        """;

    public const string NoHttpAttribute = """
        [Clients.Optimum.OptimumApi]
        public interface INoVerbApi
        {
            [Refit.Get("/x")] System.Threading.Tasks.Task GetAsync();
            System.Threading.Tasks.Task ForgottenAsync();
        }
        """;

    public const string WithHttpAttribute = """
        [Clients.Optimum.OptimumApi]
        public interface INoVerbApi
        {
            [Refit.Get("/x")] System.Threading.Tasks.Task GetAsync();
            [Refit.Put("/x")] System.Threading.Tasks.Task ForgottenAsync();
        }
        """;

    public const string BadRulePath = """
        [Clients.Ovh.OvhApi]
        public interface IBadRuleApi
        {
            [Refit.Get("/files/{name}.json")] System.Threading.Tasks.Task GetAsync(string name);
            [Refit.Get("/files/{name}")] System.Threading.Tasks.Task GetOtherAsync(string name);
        }
        """;

    public const string GoodRulePath = """
        [Clients.Ovh.OvhApi]
        public interface IBadRuleApi
        {
            [Refit.Get("/files/{name}")] System.Threading.Tasks.Task GetAsync(string name);
        }
        """;

    public const string BadPathWithoutRules = """
        [Clients.Optimum.OptimumApi]
        public interface IOptimumFilesApi
        {
            [Refit.Get("/files/{name}.json")] System.Threading.Tasks.Task GetAsync(string name);
        }
        """;

    public const string Unreachable = """
        public class Outer
        {
            [Clients.Optimum.OptimumApi]
            private interface IHiddenApi
            {
                [Refit.Get("/x")] System.Threading.Tasks.Task GetAsync();
            }
        }
        """;

    public const string Reachable = """
        public class Outer
        {
            [Clients.Optimum.OptimumApi]
            internal interface IHiddenApi
            {
                [Refit.Get("/x")] System.Threading.Tasks.Task GetAsync();
            }
        }
        """;

    public const string Generic = """
        [Clients.Optimum.OptimumApi]
        public interface IGenericApi<T>
        {
            [Refit.Get("/x")] System.Threading.Tasks.Task<T> GetAsync();
        }
        """;

    public const string MissingPackage = """
        [ContosoApi]
        public interface IContosoThingsApi
        {
            [Refit.Get("/x")] System.Threading.Tasks.Task GetAsync();
        }
        """;

    public const string PackagePresent = """
        [Clients.Origami.OrigamiApi]
        public interface IContosoThingsApi
        {
            [Refit.Get("/x")] System.Threading.Tasks.Task GetAsync();
        }
        """;

    public const string Good = """
        [Clients.Optimum.OptimumApi]
        public interface IGoodApi
        {
            [Refit.Get("/good")] System.Threading.Tasks.Task GetAsync();
        }
        """;

    public static string AllBad => string.Join("\n", TwoProviders, NoHttpAttribute, BadRulePath, Unreachable, MissingPackage);
}
