using Microsoft.Extensions.Options;

namespace IncidentBot.Api;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
        options.Token is { Length: > 0 } token && (token.Length < ApiOptions.MinimumTokenLength || token.Any(char.IsWhiteSpace))
            ? ValidateOptionsResult.Fail(
                $"Api__Token: must be at least {ApiOptions.MinimumTokenLength} characters with no spaces; generate one with `openssl rand -hex 32`.")
            : ValidateOptionsResult.Success;
}
