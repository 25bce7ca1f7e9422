using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Jixiao.Formats.Import;

/// <summary>What the repair did to a text, for the import's notes.</summary>
internal sealed record TextRepairResult(string Text, int TraditionalCharacters, int PinyinAnnotations);

/// <summary>
/// The first stage on a decoded text, before any layout: undoes what document-sharing mirrors did to published
/// forms. Some convert simplified characters to traditional (`績效自評表`), some leave the pinyin of a character in
/// brackets after it (`項(xiàng)目`). The labels the reader knows are simplified, so such a text is read in
/// simplified characters and the import says so. Line breaks are kept, so every line number still points at the
/// file's own line.
/// </summary>
internal static partial class TextRepair
{
    // A text is converted only when it is clearly traditional: a simplified form may contain a traditional
    // character or two (a name, 乾 in 乾隆) that must stay as printed.
    private const int MinTraditional = 8;

    public static TextRepairResult Repair(string text)
    {
        // A page whose spacing characters were lost in a re-encoding prints them as `?` (`绩?????? 效?????? 目?? 标`):
        // spread-out label letters, which are read as the label once the runs are spaces again.
        if (text.Contains("??", StringComparison.Ordinal)) text = LostSpacing().Replace(text, " ");
        int pinyin = 0;
        // One pass: each annotation is counted as it is removed.
        if (text.Contains('(')) text = Pinyin().Replace(text, _ => { pinyin++; return ""; });
        // Most texts are simplified: a vectorised search finds the few traditional characters, if any, without a
        // lookup per character.
        int found = 0;
        for (var rest = text.AsSpan(); found < MinTraditional && rest.IndexOfAny(TraditionalCharacters) is var at and >= 0; rest = rest[(at + 1)..])
            found++;
        if (found < MinTraditional) return new TextRepairResult(text, 0, pinyin);
        int traditional = 0;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (SimplifiedOf(c) is var s and not '\0') { sb.Append(s); traditional++; }
            else sb.Append(c);
        }
        return new TextRepairResult(sb.ToString(), traditional, pinyin);
    }

    /// <summary>Two or more `?` between CJK characters: spacing lost in a re-encoding, not text.</summary>
    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\?{2,}(?=[ \t\u3000]*[\u4e00-\u9fff])")]
    private static partial Regex LostSpacing();

    /// <summary>`(xiàng)` right after a CJK character: a pinyin annotation, tone marks and all.</summary>
    [GeneratedRegex(@"(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")]
    private static partial Regex Pinyin();

    // Traditional → simplified for the characters of performance forms: labels, units, places, the common words of
    // indicator names. Space-separated pairs (traditional, simplified); a character not listed is kept.
    private const string Pairs =
        "項项 績绩 評评 標标 數数 執执 實实 際际 預预 財财 資资 額额 單单 門门 屬属 級级 質质 時时 間间 進进 產产 經经 濟济 會会 態态 滿满 調调 後后 總总 計计 " +
        "劃划 設设 務务 業业 價价 達达 報报 準准 監监 測测 審审 從从 發发 開开 優优 類类 別别 編编 號号 稱称 責责 負负 電电 話话 說说 現现 狀状 況况 續续 長长 " +
        "與与 為为 對对 應应 關关 當当 內内 無无 費费 結结 轉转 餘余 備备 註注 據据 規规 範范 檢检 驗验 護护 維维 農农 區区 縣县 鄉乡 鎮镇 圍围 築筑 養养 醫医 " +
        "療疗 衛卫 傳传 統统 環环 廣广 東东 龍龙 雲云 貴贵 陝陕 遼辽 寧宁 黃黄 岡冈 億亿 萬万 兩两 個个 場场 車车 學学 師师 書书 圖图 館馆 員员 點点 處处 檔档 " +
        "網网 絡络 訊讯 樣样 廠厂 礦矿 辦办 參参 權权 響响 視视 聽听 紀纪 錄录 證证 險险 災灾 蓋盖 簽签 聯联 繫系 採采 購购 買买 賣卖 運运 輸输 線线 鐵铁 橋桥 " +
        "條条 塊块 層层 歲岁 齡龄 勞劳 動动 職职 導导 領领 組组 織织 機机 構构 體体 製制 風风 隊队 軍军 戰战 黨党 團团 幹干 廳厅 藥药 飲饮 糧粮 儲储 庫库 穩稳 " +
        "確确 種种 漁渔 獸兽 蟲虫 澇涝 乾干 濕湿 氣气 溫温 熱热 燈灯 歸归 齊齐 義义 園园 貧贫 補补 貼贴 獎奖 勵励 幫帮 錢钱 銀银 貨货 幣币 稅税 賬账 帳账 戶户 " +
        "歷历 壓压 縮缩 擴扩 張张 輕轻 獲获 罰罚 違违 則则 願愿 請请 讓让 認认 識识 議议 論论 記记 講讲 試试 談谈 詢询 謀谋 諮咨 詳详 誤误 語语 讀读 寫写 遞递 " +
        "選选 邊边 遠远 鄰邻 鐘钟 錶表 閱阅 闢辟 陳陈 陸陆 隨随 雜杂 雞鸡 韓韩 頁页 頂顶 順顺 須须 頒颁 頻频 題题 顯显 飛飞 馬马 駐驻 魚鱼 鳥鸟 麥麦 齒齿 龜龟 " +
        "們们 來来 倉仓 傷伤 儀仪 兒儿 凈净 剛刚 劑剂 勝胜 協协 厲厉 問问 啟启 嚴严 圓圆 壞坏 壯壮 夠够 奪夺 婦妇 孫孙 寶宝 將将 專专 尋寻 屆届 島岛 廢废 弳弪 " +
        "彈弹 徑径 徵征 恆恒 惡恶 愛爱 慶庆 憲宪 戲戏 擇择 擔担 擬拟 攜携 敵敌 斷断 於于 暫暂 楊杨 極极 樓楼 樹树 橫横 歡欢 殘残 沒没 淚泪 淺浅 湯汤 滅灭 灣湾 " +
        "燒烧 獨独 畝亩 畫画 盡尽 礎础 禮礼 禍祸 窮穷 競竞 筆笔 節节 簡简 糾纠 紅红 約约 紙纸 細细 終终 絕绝 給给 絲丝 綜综 綠绿 緊紧 緣缘 繼继 罷罢 習习 聖圣 " +
        "脅胁 腦脑 臺台 興兴 舉举 艙舱 藝艺 蘇苏 虧亏 衝冲 裝装 複复 見见 親亲 覺觉 觀观 訂订 討讨 訓训 託托 許许 診诊 詞词 該该 誠诚 諾诺 謝谢 豐丰 賀贺 賦赋 " +
        "贊赞 趙赵 躍跃 輔辅 轄辖 辭辞 鄭郑 釋释 針针 鋼钢 錯错 鍵键 閒闲 閘闸 陽阳 隱隐 離离 難难 雙双 靜静 頭头 顧顾 飯饭 驅驱 髮发 鬥斗 麼么 隻只 蘭兰 贛赣 " +
        "閩闽 粵粤 瀋沈 蕪芜 臨临 營营 廈厦 濱滨 遙遥 瀘泸 潁颍 滬沪 龔龚 嶺岭 漢汉 澤泽 濰潍 衆众 週周 閏闰 嘆叹 鬱郁 ";

    // The simplified character of each traditional one, by its offset from the lowest: every character of every text
    // is looked up, and an array index is several times cheaper than a dictionary's hash.
    private static readonly (char Lowest, char[] Map) Simplified = BuildMap();

    /// <summary>The simplified form of a listed traditional character, else '\0'.</summary>
    private static char SimplifiedOf(char c)
    {
        uint i = (uint)(c - Simplified.Lowest);
        var map = Simplified.Map;
        return i < (uint)map.Length ? map[i] : '\0';
    }

    private static readonly SearchValues<char> TraditionalCharacters =
        SearchValues.Create(string.Concat(Pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p[0])));

    private static (char, char[]) BuildMap()
    {
        var pairs = Pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        char lowest = pairs.Min(p => p[0]), highest = pairs.Max(p => p[0]);
        var map = new char[highest - lowest + 1];
        foreach (var pair in pairs) map[pair[0] - lowest] = pair[1];
        return (lowest, map);
    }
}
