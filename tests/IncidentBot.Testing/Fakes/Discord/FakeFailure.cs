namespace IncidentBot.Testing.Fakes.Discord;

/// <summary>
/// An answer the fake gives instead of the real one, once, to the next request matching method and path; a status
/// below 400 means "answer normally, with these extra headers". With <see cref="AfterEffect"/> the request takes
/// effect first and only its answer is the failure: a 5xx after Discord acted, or an answer lost on the way back.
/// </summary>
public sealed record FakeFailure(
    string Method, string PathContains, int Status, double? RetryAfter = null, bool Global = false,
    IReadOnlyDictionary<string, string>? Headers = null, bool AfterEffect = false);
