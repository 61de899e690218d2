using Microsoft.Extensions.Options;

namespace IncidentBot.Postmortems;

/// <summary>
/// Checks at start-up that the export folder can be used, so a bad path stops the bot with one line naming
/// the key and the fix (DESIGN.md §4) instead of failing at the first close. Creates the folder if missing.
/// </summary>
internal sealed class PostmortemOptionsValidator : IValidateOptions<PostmortemOptions>
{
    private const string Fix = "set Postmortems__Directory to a writable folder, or leave it unset to turn the export off";

    public ValidateOptionsResult Validate(string? name, PostmortemOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Directory;
        if (string.IsNullOrEmpty(configured))
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(configured))
        {
            return ValidateOptionsResult.Fail($"Postmortems__Directory is blank: {Fix}.");
        }

        string full;
        try
        {
            full = Path.GetFullPath(configured);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ValidateOptionsResult.Fail($"Postmortems__Directory '{configured}' is not a valid path ({e.Message}): {Fix}.");
        }

        if (File.Exists(full))
        {
            return ValidateOptionsResult.Fail($"Postmortems__Directory '{full}' is a file, not a folder: {Fix}.");
        }

        try
        {
            Directory.CreateDirectory(full);
            using var probe = new FileStream(
                Path.Combine(full, $".incidentbot-probe-{Path.GetRandomFileName()}"),
                FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Postmortems__Directory '{full}' cannot be written ({e.Message}): {Fix}.");
        }

        return ValidateOptionsResult.Success;
    }
}
