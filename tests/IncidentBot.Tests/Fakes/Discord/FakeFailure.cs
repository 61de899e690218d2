namespace IncidentBot.Tests.Fakes.Discord;

/// <summary>
/// An answer the fake gives instead of the real one, once, to the next request matching method and path; a status
/// below 400 means "answer normally, with these extra headers".
/// </summary>
public sealed record FakeFailure(string Method, string PathContains, int Status, double? RetryAfter = null, bool Global = false, IReadOnlyDictionary<string, string>? Headers = null);
