using System.Text;
using System.Text.Json;
using Clients.SpecTools.Reading;

namespace Clients.SpecTools.Tests;

public sealed class SpecReaderTests
{
    private const string OpenApi30 = """
        {"openapi":"3.0.1","info":{"title":"t","version":"1"},
         "paths":{"/pets":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Pet"}}}}}}}},
         "components":{"schemas":{"Pet":{"type":"object","properties":{"name":{"type":"string"}}}}}}
        """;

    private const string Swagger20 = """
        {"swagger":"2.0","info":{"title":"t","version":"1"},"host":"api.example.test","basePath":"/v1","schemes":["https"],
         "paths":{"/pets":{"post":{"consumes":["application/json"],"produces":["application/json"],
           "parameters":[{"in":"body","name":"body","required":true,"schema":{"$ref":"#/definitions/Pet"}},{"in":"query","name":"dryRun","type":"boolean"}],
           "responses":{"201":{"description":"created","schema":{"$ref":"#/definitions/Pet"}}}}}},
         "definitions":{"Pet":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}},
         "securityDefinitions":{"oauth2":{"type":"oauth2","flow":"application","tokenUrl":"https://id.example.test/connect/token","scopes":{"api":"API"}}}}
        """;

    [Fact]
    public void OpenApi3_json_takes_the_fast_path_its_bytes_kept_and_a_utf8_bom_removed()
    {
        var bytes = Encoding.UTF8.GetBytes(OpenApi30);
        var withBom = Encoding.UTF8.GetPreamble().Concat(bytes).ToArray();

        var plain = SpecReader.Read(bytes, "doc.json");
        var bom = SpecReader.Read(withBom, "doc.json");

        plain.Json.ToArray().Should().Equal(bytes);
        bom.Json.ToArray().Should().Equal(bytes);
        plain.Form.Verbatim.Should().BeTrue();
        bom.Form.ToString().Should().Be("OpenAPI 3.0.1 JSON (UTF-8 with BOM)");
    }

    [Theory]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32LE")]
    [InlineData("utf-32BE")]
    public void Utf16_and_utf32_with_a_byte_order_mark_read_as_the_same_document(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(OpenApi30)).ToArray();

        var read = SpecReader.Read(bytes, "doc.json");

        JsonElement.DeepEquals(read.Document.RootElement, JsonDocument.Parse(OpenApi30).RootElement).Should().BeTrue();
        read.Form.Encoding.Should().Be(encodingName.ToUpperInvariant().Replace("LE", " LE", StringComparison.Ordinal).Replace("BE", " BE", StringComparison.Ordinal) + " with BOM");
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_and_invalid_utf8_are_refused_clearly()
    {
        var utf16 = () => SpecReader.Read(Encoding.Unicode.GetBytes(OpenApi30), "doc.json");
        var latin1 = () => SpecReader.Read(Encoding.Latin1.GetBytes("openapi: 3.0.0\ninfo: {title: 'Caf\u00e9', version: '1'}\npaths: {}\n"), "doc.yaml");

        utf16.Should().Throw<SpecReadException>().WithMessage("*UTF-16 or UTF-32 without a byte-order mark*");
        latin1.Should().Throw<SpecReadException>().WithMessage("*not valid UTF-8 at byte 33 *");
    }

    [Fact]
    public void Yaml_is_told_from_json_by_content_not_by_file_name()
    {
        var yaml = "# comment\nopenapi: 3.1\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n        '200': {description: ok}\n";

        var read = SpecReader.Read(Encoding.UTF8.GetBytes(yaml), "doc.json");

        read.Form.Syntax.Should().Be(SpecSyntax.Yaml);
        read.Document.RootElement.GetProperty("openapi").GetString().Should().Be("3.1.0", "an unquoted YAML version is a number; it is kept as the string the specification requires");
        read.Document.RootElement.GetProperty("paths").GetProperty("/pets").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("description").GetString().Should().Be("ok");
    }

    [Fact]
    public void Broken_yaml_names_line_and_column()
    {
        var read = () => SpecReader.Read("openapi: 3.0.0\ninfo:\n  title: [oops\n  version: 1\n"u8.ToArray(), "doc.yaml");

        read.Should().Throw<SpecReadException>().WithMessage("not valid YAML at line 3, *");
    }

    [Fact]
    public void Swagger2_is_upgraded_to_openapi3_json()
    {
        var read = SpecReader.Read(Encoding.UTF8.GetBytes(Swagger20), "swagger.json");

        read.Form.Upgraded.Should().BeTrue();
        read.Form.ToString().Should().Be("Swagger 2.0 JSON (UTF-8), upgraded to OpenAPI 3.0");
        var root = read.Document.RootElement;
        root.GetProperty("openapi").GetString().Should().StartWith("3.0");
        root.GetProperty("servers")[0].GetProperty("url").GetString().Should().Be("https://api.example.test/v1");
        var post = root.GetProperty("paths").GetProperty("/pets").GetProperty("post");
        post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().Should().Be("#/components/schemas/Pet");
        post.GetProperty("parameters")[0].GetProperty("schema").GetProperty("type").GetString().Should().Be("boolean");
        post.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().Should().Be("#/components/schemas/Pet");
        root.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString().Should().Be("https://id.example.test/connect/token");
    }

    [Fact]
    public void Local_external_references_are_bundled_with_names_that_do_not_collide()
    {
        var files = new Dictionary<string, string>
        {
            ["schemas/pet.yaml"] = "type: object\nproperties:\n  owner: {$ref: '../common.json#/components/schemas/Owner'}\n  error: {$ref: '../common.json#/components/schemas/Error'}\n",
            ["common.json"] = """{"components":{"schemas":{"Owner":{"type":"object","properties":{"error":{"$ref":"#/components/schemas/Error"}}},"Error":{"type":"object","properties":{"code":{"type":"integer"}}}}}}""",
        };
        var main = """
            {"openapi":"3.0.1","info":{"title":"t","version":"1"},
             "paths":{"/pets":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"./schemas/pet.yaml"}}}}}}}},
             "components":{"schemas":{"Error":{"type":"string"}}}}
            """;

        var read = SpecReader.Read(Encoding.UTF8.GetBytes(main), "api/openapi.json", path => files.TryGetValue(path, out var text) ? Encoding.UTF8.GetBytes(text) : null);

        read.Form.BundledFiles.Should().Equal("common.json", "schemas/pet.yaml");
        var schemas = read.Document.RootElement.GetProperty("components").GetProperty("schemas");
        schemas.EnumerateObject().Select(p => p.Name).Should().Equal("Error", "Pet", "Owner", "common_Error");
        schemas.GetProperty("Error").GetProperty("type").GetString().Should().Be("string", "the document's own schema keeps its name");
        schemas.GetProperty("Pet").GetProperty("properties").GetProperty("error").GetProperty("$ref").GetString().Should().Be("#/components/schemas/common_Error");
        schemas.GetProperty("Owner").GetProperty("properties").GetProperty("error").GetProperty("$ref").GetString().Should().Be("#/components/schemas/common_Error", "a reference inside a bundled file is relative to that file");
    }

    [Fact]
    public void A_remote_reference_is_refused_naming_it_and_its_place()
    {
        var text = OpenApi30.Replace("#/components/schemas/Pet", "https://schemas.example.test/pet.json#/Pet", StringComparison.Ordinal);

        var read = () => SpecReader.Read(Encoding.UTF8.GetBytes(text), "doc.json", _ => throw new InvalidOperationException("no file is read"));

        read.Should().Throw<SpecReadException>()
            .WithMessage("remote $ref 'https://schemas.example.test/pet.json#/Pet' at /paths/~1pets/get/responses/200/content/application~1json/schema: *")
            .Which.Pointer.Should().Be("/paths/~1pets/get/responses/200/content/application~1json/schema");
    }

    [Fact]
    public void A_missing_sibling_or_a_document_without_neighbours_is_refused_naming_the_reference()
    {
        var text = OpenApi30.Replace("#/components/schemas/Pet", "pet.json", StringComparison.Ordinal);

        var missing = () => SpecReader.Read(Encoding.UTF8.GetBytes(text), "api/doc.json", _ => null);
        var pulled = () => SpecReader.Read(Encoding.UTF8.GetBytes(text), "https://api.example.test/doc.json");

        missing.Should().Throw<SpecReadException>().WithMessage("external $ref 'pet.json' at /paths/*: the file pet.json (relative to the document) does not exist");
        pulled.Should().Throw<SpecReadException>().WithMessage("external $ref 'pet.json' at /paths/*: the document was not read from a local file*");
    }

    [Theory]
    [InlineData("""{"openapi":"2.0.0","paths":{}}""", "OpenAPI 2.0.0 is not supported*")]
    [InlineData("""{"swagger":"1.2","paths":{}}""", "Swagger 1.2 is not supported*")]
    [InlineData("""{"info":{},"paths":{}}""", "not an OpenAPI 3.x or Swagger 2.0 document*")]
    [InlineData("[1, 2]", "the document is array, not an object")]
    [InlineData("", "the document is empty (0 bytes)")]
    public void What_is_not_a_description_is_refused_with_a_reason(string text, string reason)
    {
        var read = () => SpecReader.Read(Encoding.UTF8.GetBytes(text), "doc.json");

        read.Should().Throw<SpecReadException>().WithMessage(reason);
    }
}
