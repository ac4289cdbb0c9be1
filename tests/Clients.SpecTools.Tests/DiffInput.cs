using System.Text;
using System.Text.Json.Nodes;

namespace Clients.SpecTools.Tests;

/// <summary>Builds <see cref="SpecDiff.Compare"/> inputs from JSON nodes, so every fixture is made in code.</summary>
internal static class DiffInput
{
    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Of(params (string Key, JsonNode Document)[] documents) =>
        documents.ToDictionary(d => d.Key, d => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(d.Document.ToJsonString()), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Raw(string key, byte[] bytes) =>
        new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal) { [key] = bytes };

    public static SpecDiffReport Compare(JsonNode before, JsonNode after, string key = "fixture") =>
        SpecDiff.Compare("test", Of((key, before)), Of((key, after)));

    /// <summary>
    /// A small OpenAPI 3 document: <c>GET /things/{id}</c> returning <c>Thing</c>, <c>POST /things</c> taking
    /// <c>NewThing</c>, and <c>GET /search</c> with an optional query parameter and an inline response.
    /// </summary>
    public static JsonObject Fixture() => JsonNode.Parse("""
        {
          "openapi": "3.0.1",
          "info": { "title": "fixture", "version": "1" },
          "paths": {
            "/things/{id}": {
              "get": {
                "parameters": [ { "in": "path", "name": "id", "required": true, "schema": { "type": "integer", "format": "int64" } } ],
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
              }
            },
            "/things": {
              "post": {
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewThing" } } } },
                "responses": { "201": { "description": "created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
              }
            },
            "/search": {
              "get": {
                "parameters": [ { "in": "query", "name": "q", "schema": { "type": "string" } } ],
                "responses": {
                  "200": { "description": "ok", "content": { "application/json": { "schema": {
                    "type": "object",
                    "properties": {
                      "total": { "type": "integer" },
                      "items": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } }
                    }
                  } } } }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Thing": {
                "type": "object",
                "required": [ "id" ],
                "properties": {
                  "id": { "type": "integer", "format": "int64" },
                  "name": { "type": "string" },
                  "state": { "$ref": "#/components/schemas/State" },
                  "children": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } }
                }
              },
              "NewThing": {
                "type": "object",
                "required": [ "name" ],
                "properties": {
                  "name": { "type": "string" },
                  "kind": { "type": "string", "enum": [ "a", "b" ] }
                }
              },
              "State": { "type": "string", "enum": [ "on", "off" ] }
            }
          }
        }
        """)!.AsObject();

    public static JsonObject Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    public static JsonObject Operation(JsonObject document, string path, string method) => document["paths"]![path]![method]!.AsObject();
}
