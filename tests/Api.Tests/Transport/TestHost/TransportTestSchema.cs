using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Transport.TestHost;

/// <summary>A schema just large enough to exercise every path of the transports.</summary>
public sealed class TransportTestSchema : Schema
{
    public TransportTestSchema(IServiceProvider services, TestEventHub hub)
        : base(services)
    {
        Query = new TestQueryType();
        Mutation = new TestMutationType(hub);
        Subscription = new TestSubscriptionType(hub);
    }
}

public sealed class TestQueryType : ObjectGraphType
{
    public TestQueryType()
    {
        Name = "Query";
        Field<StringGraphType>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(context => $"Hello, {context.GetArgument<string?>("name") ?? "world"}!");
        Field<StringGraphType>("me").Resolve(context => context.User?.Identity?.Name);
        Field<StringGraphType>("scopeId")
            .Resolve(context => context.RequestServices!.GetRequiredService<ScopedProbe>().Id.ToString());
        Field<StringGraphType>("slow")
            .Argument<NonNullGraphType<IntGraphType>>("ms")
            .ResolveAsync(async context =>
            {
                await Task.Delay(context.GetArgument<int>("ms"), context.CancellationToken);
                return (object?)"done";
            });
        Field<StringGraphType>("fail").Resolve(_ => throw new InvalidOperationException("boom"));
    }
}

public sealed class TestMutationType : ObjectGraphType
{
    public TestMutationType(TestEventHub hub)
    {
        Name = "Mutation";
        Field<NonNullGraphType<IntGraphType>>("increment")
            .Argument<NonNullGraphType<IntGraphType>>("by")
            .Resolve(context => hub.Increment(context.GetArgument<int>("by")));
    }
}

public sealed class TestSubscriptionType : ObjectGraphType
{
    public TestSubscriptionType(TestEventHub hub)
    {
        Name = "Subscription";
        Field<TestEventType, TestEvent>("events")
            .Argument<StringGraphType>("topic")
            .Resolve(context => (TestEvent)context.Source!)
            .ResolveStream(context => hub.Watch(context.GetArgument<string?>("topic")));
        Field<TestEventType, TestEvent>("finite")
            .Argument<NonNullGraphType<IntGraphType>>("count")
            .Resolve(context => (TestEvent)context.Source!)
            .ResolveStream(context => new FiniteObservable(context.GetArgument<int>("count")));
        Field<TestEventType, TestEvent>("refused")
            .Resolve(context => (TestEvent)context.Source!)
            .ResolveStream(_ => throw new ExecutionError("Not for you.") { Code = "FORBIDDEN" });
    }
}

public sealed class TestEventType : ObjectGraphType<TestEvent>
{
    public TestEventType()
    {
        Name = "TestEvent";
        Field(e => e.Topic);
        Field(e => e.Message);
    }
}
