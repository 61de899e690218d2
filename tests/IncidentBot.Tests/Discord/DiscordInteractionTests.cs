using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IncidentBot.Core.Incidents;
using IncidentBot.Testing.Fakes.Discord;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace IncidentBot.Tests.Discord;

/// <summary>Buttons, the update modal and the signed HTTP interactions endpoint through the real host.</summary>
public sealed class DiscordInteractionTests
{
    [Fact]
    public async Task Post_update_opens_a_modal_and_its_submission_is_posted_as_an_update()
    {
        await using var bot = await DiscordBot.StartAsync();
        var incidents = bot.Discord.IncidentsChannelId;
        await bot.CommandAsync(incidents, DiscordBot.Ana, "declare", ("severity", 3, JsonValue.Create("sev2")), ("title", 3, JsonValue.Create("Checkout slow")));
        await bot.UntilAsync(() => bot.Discord.Threads.Count == 1, "the thread");
        var root = bot.Discord.MessagesIn(incidents)[0];

        await bot.ClickAsync(incidents, root.Id, "post_update:INC-1", DiscordBot.Bob);
        await bot.UntilAsync(() => bot.Discord.RequestsTo("POST", "/callback").Any(c => c.Json!["type"]!.GetValue<int>() == 9), "the modal");
        var modal = bot.Discord.RequestsTo("POST", "/callback").Single(c => c.Json!["type"]!.GetValue<int>() == 9).Json!["data"]!;
        var input = modal["components"]![0]!["component"]!["custom_id"]!.GetValue<string>();
        await bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordPayloads.ModalSubmit(
            bot.Discord, incidents, bot.NextId(), DiscordBot.Bob, "Bob", modal["custom_id"]!.GetValue<string>(), input, "cache warmed; p99 back to 300 ms"));

        await bot.UntilAsync(async () => (await bot.IncidentAsync(1)).LastUpdateText == "cache warmed; p99 back to 300 ms", "the update from the modal");
        Assert.Contains(await bot.TimelineAsync(1), e => e.Kind == TimelineKind.Update && e.Author!.Id == DiscordBot.Bob);
    }

    [Fact]
    public async Task The_http_endpoint_answers_a_signed_ping_refuses_a_bad_signature_and_runs_a_signed_command()
    {
        var keys = new Ed25519KeyPairGenerator();
        keys.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = keys.GenerateKeyPair();
        var publicKey = Convert.ToHexStringLower(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
        await using var bot = await DiscordBot.StartAsync(new Dictionary<string, string?> { ["Discord:PublicKey"] = publicKey });
        using var http = bot.App.CreateClient();
        var declare = DiscordPayloads.SlashCommand(bot.Discord, bot.Discord.IncidentsChannelId, bot.NextId(), DiscordBot.Ana, "Ana", "declare",
            ("severity", 3, JsonValue.Create("sev1")), ("title", 3, JsonValue.Create("Payments down"))).ToJsonString();

        var pong = await PostAsync(http, """{"type":1}""", Sign(pair.Private, "1776520800", """{"type":1}"""));
        var forged = await PostAsync(http, declare, Sign(pair.Private, "1776520800", declare + " "));
        var stored = await bot.Store.ListAsync(openOnly: false, TestContext.Current.CancellationToken);
        var accepted = await PostAsync(http, declare, Sign(pair.Private, "1776520800", declare));

        Assert.Equal((HttpStatusCode.OK, """{"type":1}"""), (pong.StatusCode, await pong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(stored);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var answer = JsonNode.Parse(await accepted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal((4, 64), (answer["type"]!.GetValue<int>(), answer["data"]!["flags"]!.GetValue<int>()));
        await bot.UntilAsync(() => bot.Discord.Threads.Count == 1, "the incident's thread");
        Assert.Equal("[SEV1] Payments down", (await bot.IncidentAsync(1)).Label);
    }

    private static string Sign(Org.BouncyCastle.Crypto.AsymmetricKeyParameter key, string timestamp, string body)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var message = Encoding.UTF8.GetBytes(timestamp + body);
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", "1776520800");
        request.Headers.Add("X-Signature-Ed25519", signature);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
