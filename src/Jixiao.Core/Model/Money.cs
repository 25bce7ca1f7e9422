namespace Jixiao.Core.Model;

/// <summary>The unit an amount was printed in. 元 and 万元 are both common; never assume one.</summary>
public enum MoneyUnit
{
    Yuan,     // 元
    WanYuan,  // 万元
}

public static class MoneyUnits
{
    public static string ToChinese(this MoneyUnit unit) => unit == MoneyUnit.Yuan ? "元" : "万元";

    public static MoneyUnit? FromChinese(string? text) => text switch
    {
        "元" => MoneyUnit.Yuan,
        "万元" => MoneyUnit.WanYuan,
        _ => null,
    };
}

/// <summary>An exact amount with the unit it was printed in. Conversion is explicit.</summary>
public readonly record struct Money(decimal Amount, MoneyUnit Unit)
{
    public Money ToYuan() => Unit == MoneyUnit.Yuan ? this : new Money(Amount * 10000m, MoneyUnit.Yuan);

    public Money ToWanYuan() => Unit == MoneyUnit.WanYuan ? this : new Money(Amount / 10000m, MoneyUnit.WanYuan);

    public override string ToString() => $"{Amount:0.00}{Unit.ToChinese()}";
}
