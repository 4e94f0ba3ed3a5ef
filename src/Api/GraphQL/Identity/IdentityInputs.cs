using CodeScan.Api.GraphQL.Types;
using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

public sealed class RequestSignInCodeInputType : InputObjectGraphType
{
    public RequestSignInCodeInputType()
    {
        Name = "RequestSignInCodeInput";
        Field<NonNullGraphType<StringGraphType>>("phone").Description("A mobile number; mainland China numbers may omit +86.");
        Field<LocaleType>("locale").Description("The language of the text message; ZH_CN when omitted.");
    }
}

public sealed class SignInInputType : InputObjectGraphType
{
    public SignInInputType()
    {
        Name = "SignInInput";
        Field<NonNullGraphType<StringGraphType>>("phone").Description("The number the code was sent to.");
        Field<NonNullGraphType<StringGraphType>>("code").Description("The 6 digits from the text message.");
    }
}

public sealed class RefreshTokenInputType : InputObjectGraphType
{
    public RefreshTokenInputType()
    {
        Name = "RefreshTokenInput";
        Field<NonNullGraphType<StringGraphType>>("refreshToken");
    }
}

public sealed class SignOutInputType : InputObjectGraphType
{
    public SignOutInputType()
    {
        Name = "SignOutInput";
        Field<NonNullGraphType<StringGraphType>>("refreshToken").Description("The refresh token of the session to end.");
    }
}
