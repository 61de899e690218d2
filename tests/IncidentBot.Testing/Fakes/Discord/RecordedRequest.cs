using System.Text.Json.Nodes;

namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>One REST call the fake received; <see cref="Json"/> is the JSON body or a multipart request's payload_json.</summary>
public sealed record RecordedRequest(string Method, string Path, JsonNode? Json, IReadOnlyDictionary<string, string> Headers, string? FileName, string? FileContent);
