namespace Clients.Generator.Tests.Fixtures;

/// <summary>Source texts of the in-memory fixture compilations.</summary>
internal static class FixtureSources
{
    /// <summary>A fourth provider declared entirely in the compilation: marker, hook, options, access-rule registry.</summary>
    public const string AcmeProvider = """
        using System;
        using Clients.Core;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;
        using Refit;

        namespace Acme
        {
            /// <summary>Marks an Acme client.</summary>
            [AttributeUsage(AttributeTargets.Interface)]
            [ClientProvider("Acme", typeof(AcmeClientRegistration), typeof(AcmeOptions), AccessRules = typeof(AcmeAccessRules))]
            public sealed class AcmeApiAttribute : Attribute
            {
            }

            /// <summary>Acme settings.</summary>
            public sealed class AcmeOptions
            {
                /// <summary>Where Acme lives.</summary>
                public string BaseAddress { get; set; } = "http://127.0.0.1/";
            }

            /// <summary>The Acme hook.</summary>
            public static class AcmeClientRegistration
            {
                /// <summary>Acme's registration.</summary>
                public static ClientProviderRegistration<AcmeOptions> Registration { get; } = new(
                    "Acme",
                    _ => new AcmeValidator(),
                    (options, section) => options.Configure(o => o.BaseAddress = section["BaseAddress"] ?? o.BaseAddress),
                    _ => new ClientProviderDefinition(
                        "Acme",
                        (sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<AcmeOptions>>().Value.BaseAddress),
                        _ => new RefitSettings(),
                        _ => new AcmeHandler()));
            }

            /// <summary>Acme's validator.</summary>
            public sealed class AcmeValidator : IValidateOptions<AcmeOptions>
            {
                /// <inheritdoc />
                public ValidateOptionsResult Validate(string? name, AcmeOptions options) => ValidateOptionsResult.Success;
            }

            /// <summary>Acme's auth.</summary>
            public sealed class AcmeHandler : System.Net.Http.DelegatingHandler
            {
            }

            /// <summary>Acme's access-rule registry.</summary>
            public static class AcmeAccessRules
            {
                /// <summary>Records a rule.</summary>
                /// <param name="api">Interface.</param>
                /// <param name="method">Method.</param>
                /// <param name="httpMethod">Verb.</param>
                /// <param name="path">Path.</param>
                public static void Register(Type api, string method, string httpMethod, string path)
                {
                }
            }
        }
        """;

    public const string AcmeWidgets = """
        using System.Threading;
        using System.Threading.Tasks;
        using Refit;

        namespace Acme
        {
            /// <summary>Widgets.</summary>
            [AcmeApi]
            public interface IAcmeWidgetsApi
            {
                /// <summary>One widget.</summary>
                [Get("/widgets/{id}")]
                Task<string> GetWidgetAsync(string id, CancellationToken cancellationToken = default);

                /// <summary>Creates one.</summary>
                [Post("/widgets?dryRun=false")]
                Task CreateWidgetAsync([Body] string widget, CancellationToken cancellationToken = default);

                /// <summary>Same rule as GetWidgetAsync.</summary>
                [Get("/widgets/{name}")]
                Task<string> GetWidgetByNameAsync(string name, CancellationToken cancellationToken = default);
            }
        }
        """;

    public const string AcmeGadgets = """
        using System.Threading;
        using System.Threading.Tasks;
        using Refit;

        namespace Acme.Inner
        {
            /// <summary>Gadgets.</summary>
            [AcmeApi]
            internal interface IAcmeGadgetsApi
            {
                /// <summary>Deletes one.</summary>
                [Delete("/gadgets/{id}/parts/{part}")]
                Task DeleteAsync(int id, int part, CancellationToken cancellationToken = default);
            }
        }
        """;

    /// <summary>A consumer-side OVH interface (the marker lives in the referenced Clients.Ovh).</summary>
    public const string ConsumerOvh = """
        using System.Threading;
        using System.Threading.Tasks;
        using Clients.Ovh;
        using Refit;

        namespace Consumer
        {
            /// <summary>The consumer's own OVH calls.</summary>
            [OvhApi]
            public interface IConsumerOvhApi
            {
                /// <summary>Records.</summary>
                [Get("/domain/zone/{zoneName}/record/{id}")]
                Task<string> GetRecordAsync(string zoneName, long id, CancellationToken cancellationToken = default);

                /// <summary>Refresh.</summary>
                [Post("/domain/zone/{zoneName}/refresh")]
                Task RefreshAsync(string zoneName, CancellationToken cancellationToken = default);
            }
        }
        """;

    public const string Unrelated = """
        namespace Elsewhere
        {
            /// <summary>Nothing to do with clients.</summary>
            public sealed class Unrelated
            {
            }

            /// <summary>An attributed interface that is not a client.</summary>
            [System.Obsolete("not a client")]
            public interface INotAClient
            {
            }
        }
        """;

    public static (string Path, string Source)[] All =>
    [
        ("AcmeProvider.cs", AcmeProvider),
        ("AcmeWidgets.cs", AcmeWidgets),
        ("AcmeGadgets.cs", AcmeGadgets),
        ("ConsumerOvh.cs", ConsumerOvh),
        ("Unrelated.cs", Unrelated),
    ];
}
