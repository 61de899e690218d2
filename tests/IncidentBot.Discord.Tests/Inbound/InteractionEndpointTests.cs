using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentBot.Core.Inbound;
using IncidentBot.Core.Policies;
using IncidentBot.Discord.Tests.Gateway;
using IncidentBot.Discord.Tests.Infrastructure;
using IncidentBot.Testing.Fakes.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace IncidentBot.Discord.Tests.Inbound;

/// <summary><c>POST /discord/interactions</c> in a real ASP.NET Core app on loopback, wired by AddDiscord/MapDiscord.</summary>
public sealed class InteractionEndpointTests
{
    private readonly Dictionary<string, string> _vector =
        JsonSerializer.Deserialize<Dictionary<string, string>>(Fixture.Read("signed_ping_vectors.json"))!;

    [Fact]
    public async Task The_real_signed_ping_gets_a_pong()
    {
        await using var app = await EndpointApp.StartAsync(_vector["PUBLIC_KEY"]);

        var response = await app.PostAsync(_vector["BODY_VALID"], _vector["TIMESTAMP_VALID"], _vector["SIGNATURE_VALID"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("invalid-vector")]
    [InlineData("tampered-body")]
    [InlineData("no-headers")]
    public async Task A_request_that_fails_the_signature_gets_401_and_reaches_nothing(string how)
    {
        await using var app = await EndpointApp.StartAsync(_vector["PUBLIC_KEY"]);

        var response = how switch
        {
            "invalid-vector" => await app.PostAsync(_vector["BODY_INVALID"], _vector["TIMESTAMP_INVALID"], _vector["SIGNATURE_INVALID"]),
            "tampered-body" => await app.PostAsync(_vector["BODY_VALID"].Replace("\"type\":1", "\"type\":2", StringComparison.Ordinal), _vector["TIMESTAMP_VALID"], _vector["SIGNATURE_VALID"]),
            _ => await app.PostAsync(_vector["BODY_VALID"], null, null),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Core.Events);
    }

    [Fact]
    public async Task A_signed_slash_command_is_handed_to_core_and_answered_inline_and_ephemerally()
    {
        var keys = new Ed25519KeyPairGenerator();
        keys.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = keys.GenerateKeyPair();
        var publicKey = Convert.ToHexStringLower(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
        await using var app = await EndpointApp.StartAsync(publicKey);
        var body = GatewayMessages.SlashCommand(app.Discord, "1700000000000000001", "update",
            ("text", 3, JsonValue.Create("rolled back the deploy")), ("incident", 3, JsonValue.Create("7"))).ToJsonString();

        var response = await app.PostAsync(body, "1776520800", Sign((Ed25519PrivateKeyParameters)pair.Private, "1776520800", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(4, answer["type"]!.GetValue<int>());
        Assert.Equal(64, answer["data"]!["flags"]!.GetValue<int>());
        Assert.Equal("update INC-7 rolled back the deploy", Assert.IsType<CommandInvoked>(Assert.Single(app.Core.Events)).Text);
        Assert.Empty(app.Discord.RequestsTo("POST", "/callback"));
    }

    private static string Sign(Ed25519PrivateKeyParameters key, string timestamp, string body)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, key);
        var message = Encoding.UTF8.GetBytes(timestamp + body);
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

    private sealed class EndpointApp : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _client;

        private EndpointApp(WebApplication app, FakeDiscord discord, RecordingInboundHandler core)
        {
            _app = app;
            Discord = discord;
            Core = core;
            _client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        }

        public FakeDiscord Discord { get; }

        public RecordingInboundHandler Core { get; }

        public static async Task<EndpointApp> StartAsync(string publicKey)
        {
            var discord = await FakeDiscord.StartAsync();
            var core = new RecordingInboundHandler();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["Discord:BotToken"] = FakeDiscord.BotToken;
            builder.Configuration["Discord:ApplicationId"] = discord.ApplicationId;
            builder.Configuration["Discord:PublicKey"] = publicKey;
            builder.Configuration["Discord:ApiBaseUrl"] = discord.ApiBaseUrl.ToString();
            builder.Configuration["Discord:GatewayUrl"] = discord.GatewayUrl.ToString();
            builder.Services.AddDiscord(builder.Configuration);
            builder.Services.AddSingleton<IInboundHandler>(core);
            builder.Services.AddSingleton(DiscordHarness.Reactions);
            builder.Services.AddSingleton(IncidentPolicy.Default);
            var app = builder.Build();
            app.MapDiscord();
            await app.StartAsync();
            return new EndpointApp(app, discord, core);
        }

        public Task<HttpResponseMessage> PostAsync(string body, string? timestamp, string? signature)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            if (timestamp is not null)
            {
                request.Headers.Add("X-Signature-Timestamp", timestamp);
            }

            if (signature is not null)
            {
                request.Headers.Add("X-Signature-Ed25519", signature);
            }

            return _client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
            await Discord.DisposeAsync();
        }
    }
}
