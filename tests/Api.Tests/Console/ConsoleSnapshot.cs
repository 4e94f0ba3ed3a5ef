// Not "…Tests.Console": a namespace by that name would hide System.Console from every test namespace.
namespace CodeScan.Api.Tests.MerchantConsole;

/// <summary>What the console page showed at one moment, and every utterance it asked the browser to speak.</summary>
public sealed record ConsoleSnapshot(
    string Lang,
    string? Screen,
    bool CodeFormVisible,
    ConsoleError? Error,
    ConsoleConnection Connection,
    string MerchantName,
    string? AlertsRefused,
    IReadOnlyList<ConsoleAlert> Alerts,
    IReadOnlyList<Utterance> Spoken,
    ConsoleStorage Storage,
    string Url,
    IReadOnlyList<string> PageErrors,
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<BrowserWebSocket> Sockets);

public sealed record ConsoleError(string? Code, string Text);

/// <summary>The page's connection indicator: <c>State</c> is idle, connecting, connected, reconnecting or stopped.</summary>
public sealed record ConsoleConnection(string State, string Text);

/// <summary>One entry of the alert list, newest first.</summary>
public sealed record ConsoleAlert(string Id, string? Time, string? Text, string? Lang, string? Amount);

/// <summary>An utterance passed to <c>speechSynthesis.speak</c>.</summary>
public sealed record Utterance(string Text, string Lang);

public sealed record ConsoleStorage(IReadOnlyList<string> LocalStorageKeys, IReadOnlyList<string> SessionStorageKeys);

/// <summary>A WebSocket as the browser's network stack reports it over the DevTools protocol: created, open, closed.</summary>
public sealed record BrowserWebSocket(string RequestId, string Url, string State);
