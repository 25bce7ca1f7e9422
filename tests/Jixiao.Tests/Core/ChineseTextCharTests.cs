using Jixiao.Core.Text;

namespace Jixiao.Tests.Core;

/// <summary>The reader's fast character classes answer as the runtime's Unicode tables do, for every char.</summary>
public class ChineseTextCharTests
{
    [Fact]
    public void IsWhiteSpace_and_IsDigit_agree_with_char_for_every_char()
    {
        var wrong = new List<string>();
        for (int i = 0; i <= char.MaxValue; i++)
        {
            char c = (char)i;
            if (ChineseText.IsWhiteSpace(c) != char.IsWhiteSpace(c)) wrong.Add($"IsWhiteSpace U+{i:X4}");
            if (ChineseText.IsDigit(c) != char.IsDigit(c)) wrong.Add($"IsDigit U+{i:X4}");
            bool space = char.IsWhiteSpace(c) || c is '\u00A0' or '\u3000' or '\uFEFF';
            if (ChineseText.IsSpace(c) != space) wrong.Add($"IsSpace U+{i:X4}");
        }
        Assert.Empty(wrong);
        var spaces = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(ChineseText.IsSpace);
        Assert.Equal(ChineseText.SpaceCharacters, string.Concat(spaces));
        Assert.True(ChineseText.IsSpace('\u3000'));
        Assert.True(ChineseText.IsSpace('\uFEFF'));
        Assert.False(ChineseText.IsWhiteSpace('\uFEFF'));
        Assert.True(ChineseText.IsDigit('５'));
    }

    [Fact]
    public void HasSpace_finds_every_space_character_at_every_position()
    {
        var others = "项目a1.（），：“”…—、\u1680x\u3001\u2FFF\uFF08\u00B7".Where(c => !ChineseText.IsSpace(c)).ToArray();
        for (int length = 1; length <= 40; length++)
        {
            var text = Enumerable.Range(0, length).Select(i => others[(i * 7 + length) % others.Length]).ToArray();
            Assert.False(ChineseText.HasSpace(text), new string(text));
            foreach (var space in ChineseText.SpaceCharacters)
                for (int at = 0; at < length; at++)
                {
                    var withSpace = (char[])text.Clone();
                    withSpace[at] = space;
                    Assert.True(ChineseText.HasSpace(withSpace), $"U+{(int)space:X4} at {at} of {length}");
                }
        }
    }
}
