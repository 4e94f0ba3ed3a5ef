namespace CodeScan.Api.Tests.Transport.TestHost;

public sealed record TestEvent(string Topic, string Message);
