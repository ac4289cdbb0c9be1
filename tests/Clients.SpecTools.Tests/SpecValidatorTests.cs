using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Clients.SpecTools.Tests;

public sealed class SpecValidatorTests
{
    private static readonly SpecSource Source = new("ovh", "v1/vps", "https://eu.api.ovh.com/v1/vps.json?format=openapi3");

    private const string Minimal = """
        {"openapi":"3.0.0","info":{"title":"t","version":"1"},
         "paths":{"/things/{id}":{"get":{"parameters":[{"in":"path","name":"id","required":true,"schema":{"type":"string"}}],
           "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}}}}}},
         "components":{"schemas":{"Thing":{"type":"object","properties":{"id":{"type":"string"}}}}}}
        """;

    private static SpecValidationResult Validate(string text, string? mediaType = "application/json", SpecValidationOptions? options = null) =>
        SpecValidator.Validate(Encoding.UTF8.GetBytes(text), mediaType, Source, options ?? SpecValidationOptions.Default);

    private static void ShouldBeRejected(SpecValidationResult result, params string[] fragments)
    {
        result.IsValid.Should().BeFalse();
        result.Reason.Should().NotBeNull();
        result.Reason.Should().Contain("ovh").And.Contain("'v1/vps'").And.Contain(Source.Location);
        result.Problem.Should().NotBeNullOrEmpty();
        result.Reason.Should().EndWith(result.Problem);
        result.Problem.Should().NotContain(Source.Location);
        foreach (var fragment in fragments)
        {
            result.Reason.Should().Contain(fragment);
        }
    }

    [Fact]
    public void A_minimal_document_is_accepted()
    {
        var result = Validate(Minimal);

        result.IsValid.Should().BeTrue(result.Reason);
        result.Reason.Should().BeNull();
        result.Problem.Should().BeNull();
        result.OperationCount.Should().Be(1);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Minimal)).ToArray();

        SpecValidator.Validate(bytes, null, Source).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Empty_content_is_rejected() => ShouldBeRejected(Validate(string.Empty), "empty", "0 bytes");

    [Fact]
    public void Whitespace_only_content_is_rejected() => ShouldBeRejected(Validate("  \r\n\t "), "only whitespace");

    [Fact]
    public void An_html_page_with_a_doctype_is_rejected() =>
        ShouldBeRejected(Validate("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body></body></html>", null),
            "HTML page", "\"502 Bad Gateway\"");

    [Fact]
    public void An_html_page_without_a_doctype_is_rejected() =>
        ShouldBeRejected(Validate("\n  <HTML><body>Please log in</body></html>", "application/json"), "HTML page");

    [Fact]
    public void An_html_media_type_is_rejected_even_when_the_body_looks_like_json() =>
        ShouldBeRejected(Validate(Minimal, "text/html; charset=utf-8"), "HTML page (text/html)");

    [Fact]
    public void Other_markup_is_rejected() =>
        ShouldBeRejected(Validate("<?xml version=\"1.0\"?><error>nope</error>"), "markup");

    [Fact]
    public void Yaml_is_read_like_json_and_its_problems_are_named()
    {
        var yaml = "openapi: 3.0.0\ninfo:\n  title: t\n  version: '1'\npaths:\n  /things:\n    get:\n      responses:\n        '200': {description: ok}\n";

        Validate(yaml, "application/yaml").Should().Be(SpecValidationResult.Valid with { OperationCount = 1 });
        ShouldBeRejected(Validate("openapi: 3.0.0\ninfo:\n  title: t\n", "application/yaml"), "no 'paths' object");
        ShouldBeRejected(Validate("openapi: 3.0.0\ninfo: [oops\n", "application/yaml"), "not valid YAML at line 2");
    }

    [Fact]
    public void A_utf16_document_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Minimal)).ToArray();

        SpecValidator.Validate(bytes, "application/json", Source).Should().Be(SpecValidationResult.Valid with { OperationCount = 1 });
    }

    [Fact]
    public void A_remote_reference_is_rejected_naming_it_and_its_place()
    {
        var text = Minimal.Replace("#/components/schemas/Thing", "https://schemas.example.test/thing.json", StringComparison.Ordinal);

        ShouldBeRejected(Validate(text), "remote $ref 'https://schemas.example.test/thing.json'", "/paths/~1things~1{id}/get/responses/200/content/application~1json/schema");
    }

    [Fact]
    public void Truncated_json_is_rejected_with_the_position_where_it_ends()
    {
        var bytes = CommittedSpecs.ReadOvh("v1/vps");
        var half = bytes.AsMemory(0, bytes.Length / 2);

        var result = SpecValidator.Validate(half, "application/json", Source);

        ShouldBeRejected(result, "truncated", "line ", "byte offset ");
    }

    [Fact]
    public void Invalid_json_is_rejected_with_line_column_and_byte_offset()
    {
        var text = "{\n  \"openapi\": \"3.0.0\",\n  \"info\": {} oops,\n  \"paths\": {}\n}";

        var result = Validate(text);

        ShouldBeRejected(result, "invalid JSON at line 3, column 14", $"byte offset {text.IndexOf("oops", StringComparison.Ordinal)}");
    }

    [Fact]
    public void An_error_on_the_last_byte_is_not_mistaken_for_truncation() =>
        ShouldBeRejected(Validate("{\"openapi\":\"3.0.0\",}"), "invalid JSON at line 1, column 20");

    [Fact]
    public void Json_without_an_openapi_or_swagger_version_is_rejected()
    {
        // OVH's catalogue format (what https://eu.api.ovh.com/v1/ answers): JSON, but no OpenAPI document.
        const string catalogue = """{"apis":[{"path":"/me","schema":"{path}.{format}","format":["json"],"description":"398 operations"}],"basePath":"https://eu.api.ovh.com/v1"}""";

        ShouldBeRejected(Validate(catalogue), "not an OpenAPI 3.x or Swagger 2.0 document", "'apis'");
    }

    [Fact]
    public void A_json_array_is_rejected() => ShouldBeRejected(Validate("[1,2]"), "an array");

    [Fact]
    public void An_unsupported_openapi_version_is_rejected() =>
        ShouldBeRejected(Validate(Minimal.Replace("\"3.0.0\"", "\"2.0\"", StringComparison.Ordinal)), "unsupported 'openapi' version \"2.0\"");

    [Fact]
    public void A_document_without_paths_is_rejected() =>
        ShouldBeRejected(Validate("""{"openapi":"3.0.1","info":{"title":"t","version":"1"}}"""), "no 'paths' object");

    [Fact]
    public void A_document_without_info_is_rejected() =>
        ShouldBeRejected(Validate("""{"openapi":"3.0.1","paths":{"/a":{"get":{"responses":{}}}}}"""), "no 'info' object");

    [Fact]
    public void An_unresolvable_component_reference_is_rejected_with_the_pointer_of_the_referring_node()
    {
        var result = Validate(Minimal.Replace("#/components/schemas/Thing", "#/components/schemas/Missing", StringComparison.Ordinal));

        ShouldBeRejected(result, "unresolvable $ref '#/components/schemas/Missing'", "'Missing' does not exist under '#/components/schemas'",
            "/paths/~1things~1{id}/get/responses/200/content/application~1json/schema");
        result.Pointer.Should().Be("/paths/~1things~1{id}/get/responses/200/content/application~1json/schema");
    }

    [Fact]
    public void The_pointer_of_a_bad_reference_decodes_escaped_names_and_counts_array_items()
    {
        var text = """
            {"openapi":"3.0.0","info":{"title":"t","version":"1"},
             "paths":{"/caf\u00e9/a~b":{"get":{"x-skipped":{"$ref":"#/nowhere"},"example":{"$ref":"#/nowhere"},
               "parameters":[{"in":"query","name":"a","schema":{"type":"string"}},{"in":"query","name":"b","schema":{"$ref":"#/components/schemas/Nope"}}],
               "responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{}}}
            """;

        var result = Validate(text);

        result.Pointer.Should().Be("/paths/~1café~1a~0b/get/parameters/1/schema");
        ShouldBeRejected(result, "'#/components/schemas/Nope'");
        result.Reason.Should().NotContain("and 1 more", "references inside examples and x- extensions are literal values");
    }

    [Fact]
    public void An_unresolvable_swagger_definition_reference_is_rejected()
    {
        var swagger = """
            {"swagger":"2.0","info":{"title":"t","version":"1"},
             "paths":{"/a":{"get":{"responses":{"200":{"description":"ok","schema":{"$ref":"#/definitions/Nope"}}}}}},
             "definitions":{"Yes":{"type":"object"}}}
            """;

        ShouldBeRejected(Validate(swagger), "'#/definitions/Nope'", "/paths/~1a/get/responses/200/schema");
    }

    [Fact]
    public void A_broken_reference_deep_in_a_mirror_document_is_found()
    {
        var node = CommittedSpecs.LoadOvhNode("v1/me");
        var schemas = node["components"]!["schemas"]!.AsObject();
        var victim = schemas.Select(s => s.Key).Order(StringComparer.Ordinal).First(k => k.StartsWith("me.", StringComparison.Ordinal));
        schemas.Remove(victim);

        var result = SpecValidator.Validate(Encoding.UTF8.GetBytes(node.ToJsonString()), "application/json", Source);

        ShouldBeRejected(result, $"'#/components/schemas/{victim}'");
        result.Pointer.Should().StartWith("/");
    }

    [Fact]
    public void An_external_reference_is_rejected() =>
        ShouldBeRejected(Validate(Minimal.Replace("#/components/schemas/Thing", "common.json#/Thing", StringComparison.Ordinal)), "external $ref 'common.json#/Thing'");

    [Fact]
    public void A_document_without_operations_is_rejected_unless_allowed()
    {
        const string empty = """{"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{}}""";

        ShouldBeRejected(Validate(empty), "no operations");
        Validate(empty, options: new SpecValidationOptions { AllowNoOperations = true }).IsValid.Should().BeTrue();
    }

    [Fact]
    public void A_property_named_ref_is_not_mistaken_for_a_reference()
    {
        var node = JsonNode.Parse(Minimal)!;
        node["components"]!["schemas"]!["Thing"]!["properties"]!["$ref"] = new JsonObject { ["type"] = "string" };

        Validate(node.ToJsonString()).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Extensions_in_paths_are_not_paths()
    {
        var node = JsonNode.Parse(Minimal)!;
        node["paths"]!["x-internal"] = new JsonObject { ["get"] = new JsonObject() };

        var result = Validate(node.ToJsonString());

        result.IsValid.Should().BeTrue(result.Reason);
        result.OperationCount.Should().Be(1);
    }

    [Fact]
    public void A_path_not_starting_with_a_slash_is_rejected()
    {
        var node = JsonNode.Parse(Minimal)!;
        node["paths"]!["things"] = new JsonObject();

        ShouldBeRejected(Validate(node.ToJsonString()), "path 'things' at /paths/things does not start with '/'");
    }

    [Fact]
    public void All_committed_ovh_documents_are_accepted_with_their_operations()
    {
        var documents = CommittedSpecs.OvhDocuments();
        var results = documents
            .Select(d => (d.Key, Result: SpecValidator.Validate(File.ReadAllBytes(d.Path), "application/json", new SpecSource("ovh", d.Key, d.Path))))
            .ToList();

        documents.Select(d => d.Key).Should().Equal("v1/dedicated/server", "v1/domain", "v1/hosting/web", "v1/ip", "v1/me", "v1/vps", "v2/iam");
        results.Where(r => !r.Result.IsValid).Select(r => r.Result.Reason).Should().BeEmpty();
        results.Sum(r => r.Result.OperationCount).Should().Be(1053);
    }
}
