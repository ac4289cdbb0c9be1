namespace Clients.Generator.Tests.Fixtures;

/// <summary>Provider declarations the generator cannot read (one shape each), and the well-formed one they differ from.</summary>
internal static class ProviderDeclarationSources
{
    public const string NameNotIdentifier = Prefix + """[Clients.Core.ClientProvider("Acme Corp", typeof(AcmeHook), typeof(AcmeOptions))]""" + Suffix + GoodHook;

    public const string NameNull = Prefix + """[Clients.Core.ClientProvider(null, typeof(AcmeHook), typeof(AcmeOptions))]""" + Suffix + GoodHook;

    public const string HookNotAClass = Prefix + """[Clients.Core.ClientProvider("Acme", typeof(int[]), typeof(AcmeOptions))]""" + Suffix + GoodHook;

    public const string HookNull = Prefix + """[Clients.Core.ClientProvider("Acme", null, typeof(AcmeOptions))]""" + Suffix + GoodHook;

    public const string OptionsOpenGeneric = Prefix + """[Clients.Core.ClientProvider("Acme", typeof(AcmeHook), typeof(System.Collections.Generic.List<>))]""" + Suffix + GoodHook;

    public const string HookWithoutRegistration = Prefix + Declaration + Suffix + """
        public static class AcmeHook
        {
            public static string Name => "Acme";
        }
        """;

    public const string RegistrationNotStatic = Prefix + Declaration + Suffix + """
        public class AcmeHook
        {
            public Clients.Core.ClientProviderRegistration<AcmeOptions> Registration => AcmeRegistrations.Acme;
        }
        """ + Registrations;

    public const string RegistrationOfOtherOptions = Prefix + Declaration + Suffix + """
        public static class AcmeHook
        {
            public static Clients.Core.ClientProviderRegistration<OtherOptions> Registration => AcmeRegistrations.Other;
        }
        """ + Registrations;

    public const string RegistrationIsAField = Prefix + Declaration + Suffix + """
        public static class AcmeHook
        {
            public static readonly Clients.Core.ClientProviderRegistration<AcmeOptions> Registration = AcmeRegistrations.Acme;
        }
        """ + Registrations;

    public const string WellFormed = Prefix + Declaration + Suffix + GoodHook;

    /// <summary>Where each diagnostic is reported: the declaration's attribute.</summary>
    public const string Declaration = """[Clients.Core.ClientProvider("Acme", typeof(AcmeHook), typeof(AcmeOptions))]""";

    private const string Prefix = """
        [System.AttributeUsage(System.AttributeTargets.Interface)]

        """;

    private const string Suffix = """

        public sealed class AcmeApiAttribute : System.Attribute
        {
        }

        public sealed class AcmeOptions : Clients.Core.OAuth2ClientOptions
        {
        }

        public sealed class OtherOptions : Clients.Core.OAuth2ClientOptions
        {
        }

        [AcmeApi]
        public interface IAcmeThingsApi
        {
            [Refit.Get("/things")] System.Threading.Tasks.Task<string> GetThingsAsync();
        }

        """;

    private const string GoodHook = """
        public static class AcmeHook
        {
            public static Clients.Core.ClientProviderRegistration<AcmeOptions> Registration => AcmeRegistrations.Acme;
        }
        """ + Registrations;

    private const string Registrations = """

        public static class AcmeRegistrations
        {
            public static Clients.Core.ClientProviderRegistration<AcmeOptions> Acme { get; } =
                Clients.Core.ClientProviderRegistration.OAuth2ClientCredentials<AcmeOptions>(
                    name: "Acme",
                    contracts: new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
                    bind: static (options, section) => { });

            public static Clients.Core.ClientProviderRegistration<OtherOptions> Other { get; } =
                Clients.Core.ClientProviderRegistration.OAuth2ClientCredentials<OtherOptions>(
                    name: "Other",
                    contracts: new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
                    bind: static (options, section) => { });
        }
        """;
}
