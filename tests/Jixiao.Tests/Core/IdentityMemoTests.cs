using Jixiao.Core.Text;

namespace Jixiao.Tests.Core;

/// <summary>
/// The reader keeps a cell's normalisation, key and value reading by the string's identity: a memo must answer for the
/// very string it was given, and never for another string, equal in content or not, that falls in the same slot.
/// </summary>
public class IdentityMemoTests
{
    [Fact]
    public void The_same_string_is_answered_from_the_memo_without_computing_again()
    {
        (string?, int)[]? table = null;
        int calls = 0;
        var text = new string('指', 3);
        Assert.Equal(3, IdentityMemo.Get(ref table, 8, text, t => { calls++; return t.Length; }));
        Assert.Equal(3, IdentityMemo.Get(ref table, 8, text, t => { calls++; return -1; }));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void An_equal_string_that_is_another_object_is_computed_again()
    {
        (string?, string)[]? table = null;
        var first = new string('标', 2);
        var second = new string('标', 2);
        Assert.Equal("a", IdentityMemo.Get(ref table, 1, first, _ => "a"));
        // One slot: the second string takes it, and the first is computed again after it.
        Assert.Equal("b", IdentityMemo.Get(ref table, 1, second, _ => "b"));
        Assert.Equal("c", IdentityMemo.Get(ref table, 1, first, _ => "c"));
    }
}
