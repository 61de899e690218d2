using System.Net;
using System.Text.RegularExpressions;

namespace IncidentBot.Dashboard.Tests.Host;

/// <summary>Signs an HttpClient in through the token form, as a browser would: the form's antiforgery field, then the post.</summary>
internal static partial class FormSignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token)
    {
        var form = await client.GetStringAsync(new Uri("/signin?retry=1", UriKind.Relative), TestContext.Current.CancellationToken);
        var csrf = Csrf().Match(form).Groups[1].Value;
        Assert.NotEmpty(csrf);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = WebUtility.HtmlDecode(csrf), ["token"] = token, ["returnUrl"] = "/" });
        return await client.PostAsync(new Uri("/signin", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
