using System.Text;
using Clients.SpecTools.Reading;

namespace Clients.SpecTools.Tests;

/// <summary>Drift checks across forms: a document is compared as its OpenAPI 3 form, whatever form each side has.</summary>
public sealed class SpecDiffFormTests
{
    private const string Swagger20 = """
        {"swagger":"2.0","info":{"title":"t","version":"1"},"host":"api.example.test","schemes":["https"],
         "paths":{"/pets":{"get":{"produces":["application/json"],"parameters":[{"in":"query","name":"limit","type":"integer","format":"int32"}],
           "responses":{"200":{"description":"ok","schema":{"type":"array","items":{"$ref":"#/definitions/Pet"}}}}}}},
         "definitions":{"Pet":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"age":{"type":"integer"}}}}}
        """;

    [Fact]
    public void A_swagger2_document_and_its_openapi3_conversion_have_no_drift_in_any_encoding()
    {
        var swagger = Encoding.UTF8.GetBytes(Swagger20);
        var converted = SpecReader.Read(swagger, "swagger.json").Json.ToArray();
        var convertedUtf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Convert(Encoding.UTF8, Encoding.Unicode, converted)).ToArray();

        SpecDiff.Compare("optimum", DiffInput.Raw("swagger", swagger), DiffInput.Raw("swagger", converted)).HasChanges.Should().BeFalse();
        SpecDiff.Compare("optimum", DiffInput.Raw("swagger", swagger), DiffInput.Raw("swagger", convertedUtf16)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public void A_change_between_a_swagger2_json_and_an_openapi3_yaml_is_found_and_classed()
    {
        var yaml = """
            openapi: 3.0.1
            info: {title: t, version: '1'}
            paths:
              /pets:
                get:
                  parameters:
                    - {in: query, name: limit, required: true, schema: {type: integer, format: int32}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}
            components:
              schemas:
                Pet: {type: object, required: [name], properties: {name: {type: string}, age: {type: integer}}}
            """;

        var report = SpecDiff.Compare("optimum", DiffInput.Raw("swagger", Encoding.UTF8.GetBytes(Swagger20)), DiffInput.Raw("swagger", Encoding.UTF8.GetBytes(yaml)));

        report.Changes.Should().ContainSingle(report.ToText()).Which.Breaking.Should().BeTrue();
        report.ToText().Should().Contain("limit");
    }

    [Fact]
    public void A_document_that_cannot_be_read_is_named_with_the_reason()
    {
        var compare = () => SpecDiff.Compare("optimum", DiffInput.Raw("swagger", Encoding.UTF8.GetBytes(Swagger20)), DiffInput.Raw("swagger", "openapi: 3.0.0\ninfo: [oops\n"u8.ToArray()));

        compare.Should().Throw<InvalidDataException>().WithMessage("Cannot compare optimum document 'swagger' (new version): not valid YAML at line 2*");
    }
}
