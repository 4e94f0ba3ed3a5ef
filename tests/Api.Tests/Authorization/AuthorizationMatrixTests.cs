using System.Text.Json;
using System.Text.Json.Nodes;
using CodeScan.Api.GraphQL;
using CodeScan.Api.Tests.Support;
using CodeScan.Api.Tests.Transport;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Api.Tests.Authorization;

/// <summary>
/// Every operation in the schema × every kind of caller gets exactly the access it declares. An
/// operation added to the schema without a declared access, or without a row here, fails the test.
/// </summary>
public abstract class AuthorizationMatrixTests(StoreMode mode)
{
    public enum Actor
    {
        Anonymous,
        Customer,
        CashierOfA,
        CashierOfB,
        OwnerOfA,
        AnalystOfA,
        PlatformAnalyst,
        PlatformAdmin,
    }

    internal static readonly Dictionary<Access, Actor[]> Allowed = new()
    {
        [Access.Anonymous] = Enum.GetValues<Actor>(),
        [Access.SignedIn] = [Actor.Customer, Actor.CashierOfA, Actor.CashierOfB, Actor.OwnerOfA, Actor.AnalystOfA, Actor.PlatformAnalyst, Actor.PlatformAdmin],
        [Access.MerchantStaff] = [Actor.CashierOfA, Actor.OwnerOfA],
        [Access.MerchantOwner] = [Actor.OwnerOfA],
        [Access.MerchantAnalyst] = [Actor.OwnerOfA, Actor.AnalystOfA],
        [Access.PlatformAnalyst] = [Actor.PlatformAnalyst, Actor.PlatformAdmin],
        [Access.PlatformAdmin] = [Actor.PlatformAdmin],
    };

    [Fact]
    public async Task EveryOperation_ForEveryKindOfCaller_IsAllowedExactlyAsDeclared()
    {
        await using var host = await CodeScanHost.StartAsync(mode);
        var world = await World.CreateAsync(host);
        var schema = host.Services.GetRequiredService<ISchema>();
        schema.Initialize();

        var failures = new List<string>();
        foreach (var (root, type) in new[] { ("query", schema.Query), ("mutation", schema.Mutation!), ("subscription", schema.Subscription!) })
        {
            foreach (var field in type.Fields)
            {
                var key = $"{root}.{field.Name}";
                var declared = field.DeclaredAccess();
                if (declared is null)
                {
                    failures.Add($"{key} declares no access: add .Allow(Access.…) to the field.");
                    continue;
                }

                if (!Operations.Table.TryGetValue(key, out var operation))
                {
                    failures.Add($"{key} has no row in the authorization matrix: add one to {nameof(Operations)}.");
                    continue;
                }

                if (operation.Expected != declared)
                {
                    failures.Add($"{key} declares {declared} but the matrix expects {operation.Expected}.");
                }

                // Callers who may act go last: an allowed mutation must not change what the others see.
                foreach (var actor in Enum.GetValues<Actor>().OrderBy(a => Allowed[operation.Expected].Contains(a)))
                {
                    var (document, variables) = operation.Build(world);
                    var outcome = root == "subscription"
                        ? await world.SubscribeAsync(actor, document, variables)
                        : await world.SendAsync(actor, document, variables);
                    var expectAllowed = Allowed[operation.Expected].Contains(actor);
                    var expectedDenial = actor == Actor.Anonymous ? "UNAUTHENTICATED" : "FORBIDDEN";
                    if (expectAllowed && outcome is "UNAUTHENTICATED" or "FORBIDDEN")
                    {
                        failures.Add($"{key} as {actor}: expected allowed, got {outcome}.");
                    }
                    else if (!expectAllowed && outcome != expectedDenial)
                    {
                        failures.Add($"{key} as {actor}: expected {expectedDenial}, got {outcome ?? "allowed"}.");
                    }
                }
            }
        }

        foreach (var stale in Operations.Table.Keys.Where(k => !SchemaHas(schema, k)))
        {
            failures.Add($"{stale} is in the matrix but not in the schema.");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool SchemaHas(ISchema schema, string key)
    {
        var (root, name) = (key[..key.IndexOf('.')], key[(key.IndexOf('.') + 1)..]);
        IObjectGraphType? type = root switch { "query" => schema.Query, "mutation" => schema.Mutation, _ => schema.Subscription };
        return type?.GetField(name) is not null;
    }

    /// <summary>Two approved merchants with an owner and cashiers, an analyst of the first, a customer, a platform analyst, an admin.</summary>
    public sealed class World
    {
        private readonly CodeScanHost _host;
        private readonly Dictionary<Actor, string?> _tokens;

        private World(CodeScanHost host, MerchantScenario a, MerchantScenario b, string pendingId, Dictionary<Actor, string?> tokens)
        {
            _host = host;
            MerchantA = a;
            MerchantB = b;
            PendingMerchantId = pendingId;
            _tokens = tokens;
        }

        public MerchantScenario MerchantA { get; }

        public MerchantScenario MerchantB { get; }

        public string PendingMerchantId { get; }

        /// <summary>The actor's access token; null for <see cref="Actor.Anonymous"/>.</summary>
        public string? TokenOf(Actor actor) => _tokens[actor];

        public static async Task<World> CreateAsync(CodeScanHost host)
        {
            var a = await MerchantScenario.ApprovedAsync(host);
            var b = await MerchantScenario.ApprovedAsync(host);
            var pending = await MerchantScenario.PendingAsync(host);
            var cashierA = Phones.Next();
            var cashierB = Phones.Next();
            var analystA = Phones.Next();
            Assert.Empty((await host.GraphQLAsync(a.OwnerToken, Gql.AddCashier, new { input = new { merchantId = a.MerchantId, phone = cashierA } })).Data("addCashier").ErrorCodes());
            Assert.Empty((await host.GraphQLAsync(b.OwnerToken, Gql.AddCashier, new { input = new { merchantId = b.MerchantId, phone = cashierB } })).Data("addCashier").ErrorCodes());
            Assert.Empty((await host.GraphQLAsync(a.OwnerToken, Analytics.SalesCalls.AddAnalyst, new { input = new { merchantId = a.MerchantId, phone = analystA } })).Data("addAnalyst").ErrorCodes());
            var tokens = new Dictionary<Actor, string?>
            {
                [Actor.Anonymous] = null,
                [Actor.Customer] = await host.SignInAsync(Phones.Next()),
                [Actor.CashierOfA] = await host.SignInAsync(cashierA),
                [Actor.CashierOfB] = await host.SignInAsync(cashierB),
                [Actor.OwnerOfA] = a.OwnerToken,
                [Actor.AnalystOfA] = await host.SignInAsync(analystA),
                [Actor.PlatformAnalyst] = (await Analytics.PlatformCalls.NewPlatformAnalystAsync(host)).Token,
                [Actor.PlatformAdmin] = await host.SignInAsync(CodeScanHost.AdminPhone),
            };
            return new World(host, a, b, pending.MerchantId, tokens);
        }

        /// <summary>The denial code of the first error, or null when the call got through authorization.</summary>
        public async Task<string?> SendAsync(Actor actor, string document, object variables)
        {
            var response = await _host.GraphQLAsync(_tokens[actor], document, variables);
            return DenialOf(response["errors"] as JsonArray);
        }

        public async Task<string?> SubscribeAsync(Actor actor, string document, object variables)
        {
            var token = _tokens[actor];
            await using var socket = await GraphQLWsTestClient.ConnectAsync(_host.WebSocketUri, token is null ? null : "Bearer " + token);
            await socket.SubscribeAsync("s", document, variables);

            // A refusal arrives at once, as `next` with the error then `complete`; a live subscription stays silent.
            var message = await socket.TryReceiveAsync(TimeSpan.FromMilliseconds(400));
            if (message is null)
            {
                return null;
            }

            var errors = message.Payload is { ValueKind: JsonValueKind.Object } payload && payload.TryGetProperty("errors", out var e)
                ? JsonNode.Parse(e.GetRawText()) as JsonArray
                : message.Payload is { ValueKind: JsonValueKind.Array } list ? JsonNode.Parse(list.GetRawText()) as JsonArray : null;
            return DenialOf(errors) ?? $"unexpected {message.Raw}";
        }

        private static string? DenialOf(JsonArray? errors) =>
            errors?.Select(e => e?["extensions"]?["code"]?.GetValue<string>()).FirstOrDefault(c => c is "UNAUTHENTICATED" or "FORBIDDEN");
    }

    private sealed record Operation(Access Expected, Func<World, (string Document, object Variables)> Build);

    /// <summary>One row per root field: who may call it, and a call that authorization must decide on.</summary>
    private static class Operations
    {
        private static readonly string Key = Guid.NewGuid().ToString("N");

        public static readonly Dictionary<string, Operation> Table = new()
        {
            ["query.me"] = new(Access.Anonymous, _ => ("{ me { id } }", new { })),
            ["query.node"] = new(Access.SignedIn, w => ("query($id: ID!) { node(id: $id) { id } }", new { id = w.MerchantA.MerchantId })),
            ["query.merchant"] = new(Access.SignedIn, w => ("query($id: ID!) { merchant(id: $id) { id name } }", new { id = w.MerchantA.MerchantId })),
            ["query.wallet"] = new(Access.SignedIn, w => (Gql.Wallet, new { merchantId = w.MerchantA.MerchantId })),
            ["query.merchantAlerts"] = new(Access.MerchantStaff, w => ("query($m: ID!) { merchantAlerts(merchantId: $m) { edges { cursor } } }", new { m = w.MerchantA.MerchantId })),
            ["query.myMerchants"] = new(Access.SignedIn, _ => (Gql.MyMerchants, new { })),
            ["query.merchantApplications"] = new(Access.PlatformAdmin, _ => (Gql.MerchantApplications, new { })),
            ["mutation.registerMerchant"] = new(Access.SignedIn, _ => (Gql.RegisterMerchant, new
            {
                input = new { name = "Matrix", contactPhone = Phones.Next(), businessLicenceNumber = "M1", address = "1 Road", category = "tea" },
            })),
            ["mutation.approveMerchant"] = new(Access.PlatformAdmin, w => (Gql.ApproveMerchant, new { input = new { merchantId = w.PendingMerchantId } })),
            ["mutation.rejectMerchant"] = new(Access.PlatformAdmin, w => (Gql.RejectMerchant, new { input = new { merchantId = w.PendingMerchantId, reason = "matrix" } })),
            ["mutation.suspendMerchant"] = new(Access.PlatformAdmin, w => (Gql.SuspendMerchant, new { input = new { merchantId = w.MerchantB.MerchantId, reason = "matrix" } })),
            ["mutation.reinstateMerchant"] = new(Access.PlatformAdmin, w => (Gql.ReinstateMerchant, new { input = new { merchantId = w.MerchantB.MerchantId } })),
            ["mutation.resubmitMerchantApplication"] = new(Access.MerchantOwner, w => (Gql.ResubmitMerchantApplication, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, name = "Matrix", contactPhone = Phones.Next(), businessLicenceNumber = "M1", address = "1 Road", category = "tea" },
            })),
            ["mutation.addCashier"] = new(Access.MerchantOwner, w => (Gql.AddCashier, new { input = new { merchantId = w.MerchantA.MerchantId, phone = Phones.Next() } })),
            ["mutation.removeCashier"] = new(Access.MerchantOwner, w => (Gql.RemoveCashier, new { input = new { merchantId = w.MerchantA.MerchantId, phone = Phones.Next() } })),
            ["mutation.addAnalyst"] = new(Access.MerchantOwner, w => (Analytics.SalesCalls.AddAnalyst, new { input = new { merchantId = w.MerchantA.MerchantId, phone = Phones.Next() } })),
            ["mutation.removeAnalyst"] = new(Access.MerchantOwner, w => (Analytics.SalesCalls.RemoveAnalyst, new { input = new { merchantId = w.MerchantA.MerchantId, phone = Phones.Next() } })),
            ["mutation.setMerchantTimeZone"] = new(Access.MerchantOwner, w => (Analytics.SalesCalls.SetTimeZone, new { input = new { merchantId = w.MerchantA.MerchantId, timeZone = "Asia/Shanghai" } })),
            ["query.platformSales"] = new(Access.PlatformAnalyst, _ => (Analytics.PlatformCalls.PlatformSales, new { from = "2026-01-01", to = "2026-12-31", g = "MONTH", c = "CNY" })),
            ["query.platformLiability"] = new(Access.PlatformAnalyst, _ => ("query($c: String) { platformLiability(currency: $c) { asOf outstanding { total { minorUnits } } } }", new { c = "CNY" })),
            ["query.platformAnalysts"] = new(Access.PlatformAdmin, _ => (Analytics.PlatformCalls.PlatformAnalysts, new { })),
            ["mutation.addPlatformAnalyst"] = new(Access.PlatformAdmin, _ => (Analytics.PlatformCalls.AddPlatformAnalyst, new { input = new { phone = Phones.Next() } })),
            ["mutation.removePlatformAnalyst"] = new(Access.PlatformAdmin, _ => (Analytics.PlatformCalls.RemovePlatformAnalyst, new { input = new { phone = Phones.Next() } })),
            ["query.merchantSales"] = new(Access.MerchantAnalyst, w => (Analytics.SalesCalls.MerchantSales, new { m = w.MerchantA.MerchantId, from = "2026-01-01", to = "2026-12-31", g = "WEEK" })),
            ["query.merchantInstrumentPerformance"] = new(Access.MerchantAnalyst, w => (Analytics.PerformanceCalls.Performance, new { m = w.MerchantA.MerchantId, from = "2026-01-01", to = "2026-12-31", o = "ISSUED" })),
            ["query.merchantCustomers"] = new(Access.MerchantAnalyst, w => (Analytics.PerformanceCalls.Customers, new { m = w.MerchantA.MerchantId, from = "2026-01-01", to = "2026-12-31", g = "MONTH" })),
            ["query.platformInstrumentPerformance"] = new(Access.PlatformAnalyst, _ => (Analytics.PlatformReportCalls.Performance, new { from = "2026-01-01", to = "2026-12-31", c = "CNY" })),
            ["query.platformCustomers"] = new(Access.PlatformAnalyst, _ => (Analytics.PlatformReportCalls.Customers, new { from = "2026-01-01", to = "2026-12-31", g = "WEEK", c = "CNY" })),
            ["query.merchantLiability"] = new(Access.MerchantAnalyst, w => (Analytics.LiabilityCalls.MerchantLiability, new { m = w.MerchantA.MerchantId, asOf = "2026-01-01" })),
            ["mutation.rechargeAtCounter"] = new(Access.MerchantStaff, w => (Gql.RechargeAtCounter, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, customerPhone = Phones.Next(), amount = 100L, bonus = 0L, idempotencyKey = Guid.NewGuid().ToString("N") },
            })),
            ["mutation.redeem"] = new(Access.SignedIn, w => (Gql.Redeem, new { input = new { merchantId = w.MerchantA.MerchantId, amount = 100L, idempotencyKey = Key } })),
            ["query.quote"] = new(Access.SignedIn, w => (Redemptions.RedemptionCalls.Quote, new { merchantId = w.MerchantA.MerchantId, amount = 100L })),
            ["mutation.reverseRedemption"] = new(Access.MerchantStaff, w => (Redemptions.RedemptionCalls.Reverse, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, redemptionId = GlobalId.Encode("Redemption", Guid.NewGuid()), reason = "matrix", idempotencyKey = Guid.NewGuid().ToString("N") },
            })),
            ["mutation.requestWriteOffCode"] = new(Access.SignedIn, _ => (Redemptions.RedemptionCalls.RequestWriteOffCode, new { input = new { couponId = GlobalId.Encode("Coupon", Guid.NewGuid()) } })),
            ["mutation.writeOff"] = new(Access.MerchantStaff, w => (Redemptions.RedemptionCalls.WriteOff, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, code = "000000000000", idempotencyKey = Guid.NewGuid().ToString("N") },
            })),
            ["query.scanMerchant"] = new(Access.SignedIn, _ => ("query($qr: String!) { scanMerchant(qr: $qr) { errors { code } } }", new { qr = "garbage" })),
            ["query.merchantQrCode"] = new(Access.MerchantStaff, w => ("query($m: ID!) { merchantQrCode(merchantId: $m) { version } }", new { m = w.MerchantA.MerchantId })),
            ["mutation.rotateMerchantQrCode"] = new(Access.MerchantOwner, w => ("mutation($input: RotateMerchantQrCodeInput!) { rotateMerchantQrCode(input: $input) { errors { code } } }", new { input = new { merchantId = w.MerchantA.MerchantId } })),
            ["mutation.requestSignInCode"] = new(Access.Anonymous, _ => ("mutation($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) { expiresAt errors { code } } }", new { input = new { phone = Phones.Next() } })),
            ["mutation.signIn"] = new(Access.Anonymous, _ => ("mutation($input: SignInInput!) { signIn(input: $input) { accessToken errors { code } } }", new { input = new { phone = Phones.Next(), code = "123456" } })),
            ["mutation.refreshToken"] = new(Access.Anonymous, _ => ("mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken errors { code } } }", new { input = new { refreshToken = "unknown" } })),
            ["mutation.signOut"] = new(Access.SignedIn, _ => ("mutation($input: SignOutInput!) { signOut(input: $input) { signedOut errors { code } } }", new { input = new { refreshToken = "unknown" } })),
            ["query.wallets"] = new(Access.SignedIn, _ => ("{ wallets { merchantId storedValue { minorUnits } } }", new { })),
            ["query.myRecords"] = new(Access.SignedIn, _ => (Records.RecordCalls.MyRecords, new { })),
            ["query.merchantRecords"] = new(Access.MerchantStaff, w => (Records.RecordCalls.MerchantRecords, new { m = w.MerchantA.MerchantId })),
            ["query.issuedInstruments"] = new(Access.MerchantStaff, w => ("query($m: ID!) { issuedInstruments(merchantId: $m) { nodes { id } } }", new { m = w.MerchantA.MerchantId })),
            ["query.catalog"] = new(Access.SignedIn, w => (Catalog.CatalogCalls.Catalog, new { merchantId = w.MerchantA.MerchantId })),
            ["mutation.defineCardProduct"] = new(Access.MerchantOwner, w => (Catalog.CatalogCalls.DefineCardProduct, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, kind = "TIMES_CARD", name = "Matrix", price = 100L, uses = 1, validityDays = 1 },
            })),
            ["mutation.defineCouponTemplate"] = new(Access.MerchantOwner, w => (Catalog.CatalogCalls.DefineCouponTemplate, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, name = "Matrix", kind = "CASH_OFF", amountOff = 100L, price = 0L, validityDays = 1, totalStock = 1, perCustomerLimit = 1 },
            })),
            ["mutation.defineRechargePlan"] = new(Access.MerchantOwner, w => (Catalog.CatalogCalls.DefineRechargePlan, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, name = "Matrix", payEvery = 100L, bonusEach = 10L, minAmount = 100L, maxAmount = 1000L },
            })),
            ["mutation.changeCatalogItemStatus"] = new(Access.MerchantOwner, w => (Catalog.CatalogCalls.ChangeStatus, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, itemId = GlobalId.Encode("CardProduct", Guid.NewGuid()), action = "PAUSE" },
            })),
            ["mutation.purchase"] = new(Access.SignedIn, w => (Orders.OrderCalls.Purchase, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, item = new { cardProductId = GlobalId.Encode("CardProduct", Guid.NewGuid()) }, idempotencyKey = Guid.NewGuid().ToString("N") },
            })),
            ["mutation.claimCoupon"] = new(Access.SignedIn, w => (Orders.OrderCalls.ClaimCoupon, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, couponTemplateId = GlobalId.Encode("CouponTemplate", Guid.NewGuid()), idempotencyKey = Guid.NewGuid().ToString("N") },
            })),
            ["mutation.issueAtCounter"] = new(Access.MerchantStaff, w => (Orders.OrderCalls.IssueAtCounter, new
            {
                input = new { merchantId = w.MerchantA.MerchantId, customerPhone = Phones.Next(), item = new { cardProductId = GlobalId.Encode("CardProduct", Guid.NewGuid()) }, idempotencyKey = Guid.NewGuid().ToString("N") },
            })),
            ["query.order"] = new(Access.SignedIn, _ => (Orders.OrderCalls.Order, new { id = GlobalId.Encode("Order", Guid.NewGuid()) })),
            ["query.orders"] = new(Access.SignedIn, _ => (Orders.OrderCalls.Orders, new { first = 5 })),
            ["subscription.merchantAlerts"] = new(Access.MerchantStaff, w => (Gql.MerchantAlertsSubscription, new { merchantId = w.MerchantA.MerchantId })),
            ["subscription.walletChanged"] = new(Access.SignedIn, w => (Gql.WalletChangedSubscription, new { merchantId = w.MerchantA.MerchantId })),
            ["subscription.merchantReviewed"] = new(Access.SignedIn, _ => (Gql.MerchantReviewedSubscription, new { })),
        };
    }
}

public sealed class EmbeddedAuthorizationMatrixTests() : AuthorizationMatrixTests(StoreMode.Embedded);

public sealed class MariaDbAuthorizationMatrixTests() : AuthorizationMatrixTests(StoreMode.MariaDbRedis);
