using global::GraphQL.Types;

namespace CodeScan.Api.GraphQL.Identity;

/// <summary>Sign-in by mobile number: requestSignInCode, signIn, refreshToken, signOut.</summary>
public static class IdentityFields
{
    public static void AddIdentityMutations(this ObjectGraphType mutation)
    {
        // Filled in by the identity work (issue 3): the fields are added here, next to their types.
        _ = mutation;
    }
}
