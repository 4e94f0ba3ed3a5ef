using System.Text.Json.Nodes;
using CodeScan.Api.Tests.Api;
using CodeScan.Api.Tests.Support;

namespace CodeScan.Api.Tests.Authorization;

/// <summary>
/// Issue 10: a field the caller may not see is <c>null</c> with an error at its path; the rest of the answer
/// stands (a cashier's <c>myMerchants { staff }</c> used to wipe out the whole answer, with a message meant for
/// customers).
/// </summary>
public sealed class PartialAnswerTests(EmbeddedApiWorld world) : IClassFixture<EmbeddedApiWorld>
{
    [Fact]
    public async Task Cashier_AskingForStaff_GetsTheMerchantWithStaffNull_AndAnErrorForTheOwnerOnly()
    {
        var cashierPhone = Phones.Next();
        await world.Host.GraphQLAsync(world.Merchant.OwnerToken, Gql.AddCashier, new { input = new { merchantId = world.Merchant.MerchantId, phone = cashierPhone } });
        var cashier = await world.Host.SignInAsync(cashierPhone);

        var answer = await world.Host.GraphQLAsync(cashier, "{ myMerchants { id name contactPhone staff { role } } }");

        var merchant = answer["data"]!["myMerchants"]!.AsArray().Single()!;
        Assert.Equal(world.Merchant.MerchantId, merchant["id"]!.GetValue<string>());
        Assert.NotNull(merchant["contactPhone"]?.GetValue<string>());
        Assert.Null(merchant["staff"]);
        var error = Assert.Single(answer["errors"]!.AsArray())!;
        Assert.Equal("FORBIDDEN", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Only this merchant's owner and platform admins may see this.", error["message"]!.GetValue<string>());
        Assert.Equal("""["myMerchants",0,"staff"]""", error["path"]!.ToJsonString());
    }

    [Fact]
    public async Task Customer_AskingForBackOfficeDetails_GetsThePublicOnes()
    {
        var answer = await world.Host.GraphQLAsync(
            world.CustomerToken, "query($m: ID!) { merchant(id: $m) { name status businessLicenceNumber } }", new { m = world.Merchant.MerchantId });

        Assert.Equal("APPROVED", answer["data"]!["merchant"]!["status"]!.GetValue<string>());
        Assert.Null(answer["data"]!["merchant"]!["businessLicenceNumber"]);
        Assert.Equal(["FORBIDDEN"], Codes(answer));
        Assert.Equal("""["merchant","businessLicenceNumber"]""", answer["errors"]![0]!["path"]!.ToJsonString());
    }

    [Fact]
    public async Task Customer_AskingForAnAdminField_GetsEverythingElse()
    {
        var answer = await world.Host.GraphQLAsync(world.CustomerToken, "{ me { phone } merchantApplications { nodes { id } } }");

        Assert.EndsWith(world.CustomerPhone[^11..], answer["data"]!["me"]!["phone"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(answer["data"]!.AsObject().ContainsKey("merchantApplications"));
        Assert.Null(answer["data"]!["merchantApplications"]);
        Assert.Equal(["FORBIDDEN"], Codes(answer));
    }

    [Fact]
    public async Task Anonymous_AskingForSignedInFields_GetsNullsAndOneErrorEach()
    {
        var answer = await world.Host.GraphQLAsync(null, "{ me { id } wallets { id } myMerchants { id } }");

        var data = answer["data"]!.AsObject();
        Assert.Equal(["me", "wallets", "myMerchants"], data.Select(p => p.Key));
        Assert.All(data, p => Assert.Null(p.Value));
        Assert.Equal(["UNAUTHENTICATED", "UNAUTHENTICATED"], Codes(answer));
    }

    private static string[] Codes(JsonObject answer) =>
        answer["errors"]!.AsArray().Select(e => e!["extensions"]!["code"]!.GetValue<string>()).ToArray();
}
