namespace Jixiao.Core.Regions;

/// <summary>How specific a place name is: a province's own name says more than a county's, which may repeat elsewhere.</summary>
public enum PlaceLevel
{
    Abbreviation, // 滇 沪 皖 …: a province's one-character name, weak evidence
    County,       // 隆阳区 青神县 腾冲市 (县级)
    Prefecture,   // 保山市 红河州 (地级)
    Province,     // 云南省 云南 上海市
}

/// <summary>One name of the vocabulary and where it lies; a county also names its prefecture, for the explanation.</summary>
public sealed record Place(string Name, string Province, string? Prefecture, PlaceLevel Level);

/// <summary>
/// The place names a form's 主管部门, 实施单位 and 项目名称 are read for (<see cref="RegionInference"/>): every province
/// with its short names, every prefecture-level division, and the county-level divisions of the provinces that have a
/// scoring profile (北京 上海 天津 重庆 四川 云南 湖北) and of the published forms in the corpus. A table, so that adding
/// a region's counties is adding a line.
/// </summary>
/// <remarks>
/// Names are written with their suffix (市 县 区 州 盟 旗 地区) because the bare stems are ordinary words in other names
/// (中山 in 松江区中山街道, 朝阳 in 朝阳社区, 红河 a river). A name used in two provinces is listed under both
/// (普陀区: 上海 and 浙江舟山; 宝山区: 上海 and 黑龙江双鸭山), and the inference then weighs it as ambiguous. Single-character
/// abbreviations are listed only where they do not occur inside other place names (沪 滇 皖 …, not 京 津 川 鲁 鄂).
/// </remarks>
public static class PlaceNames
{
    // Province full name, its other names (stem, abbreviation), then one line per prefecture: "prefecture/alias：counties".
    // A line "：counties" puts counties directly under the province (the municipalities). A line without "：" lists
    // prefectures whose counties are not in the table.
    static readonly (string Province, string Names, string Divisions)[] Table =
    [
        ("北京市", "北京", """
            ：东城区 西城区 朝阳区 海淀区 丰台区 石景山区 门头沟区 房山区 通州区 顺义区 昌平区 大兴区 怀柔区 平谷区 密云区 延庆区
            """),
        ("天津市", "天津", """
            ：和平区 河东区 河西区 南开区 河北区 红桥区 东丽区 西青区 津南区 北辰区 武清区 宝坻区 滨海新区 宁河区 静海区 蓟州区
            """),
        ("河北省", "河北 冀", """
            石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市 雄安新区
            """),
        ("山西省", "山西", """
            太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市
            """),
        ("内蒙古自治区", "内蒙古", """
            呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟
            包头市：青山区
            乌海市：海南区
            巴彦淖尔市：乌拉特中旗
            """),
        ("辽宁省", "辽宁", """
            沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市
            沈阳市：和平区
            """),
        ("吉林省", "吉林", """
            长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州/延边州
            长春市：朝阳区
            """),
        ("黑龙江省", "黑龙江", """
            哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区
            双鸭山市：宝山区
            """),
        ("上海市", "上海 沪", """
            ：黄浦区 徐汇区 长宁区 静安区 普陀区 虹口区 杨浦区 闵行区 宝山区 嘉定区 浦东新区 金山区 松江区 青浦区 奉贤区 崇明区
            """),
        ("江苏省", "江苏", """
            南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市
            南通市：通州区
            """),
        ("浙江省", "浙江 浙", """
            杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市
            舟山市：普陀区
            宁波市：江北区
            """),
        ("安徽省", "安徽 皖", """
            合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市
            宿州市：萧县
            淮北市：濉溪县
            滁州市：天长市
            六安市：霍山县
            池州市：贵池区
            """),
        ("福建省", "福建 闽", """
            福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市
            """),
        ("江西省", "江西 赣", """
            南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市
            景德镇市：浮梁县
            """),
        ("山东省", "山东", """
            济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市
            德州市：临邑县
            临沂市：河东区
            """),
        ("河南省", "河南", """
            郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市 济源市
            """),
        ("湖北省", "湖北", """
            武汉市：江岸区 江汉区 硚口区 汉阳区 武昌区 青山区 洪山区 东西湖区 汉南区 蔡甸区 江夏区 黄陂区 新洲区
            黄石市：黄石港区 西塞山区 下陆区 铁山区 阳新县 大冶市
            十堰市：茅箭区 张湾区 郧阳区 郧西县 竹山县 竹溪县 房县 丹江口市
            宜昌市：西陵区 伍家岗区 点军区 猇亭区 夷陵区 远安县 兴山县 秭归县 长阳土家族自治县 长阳县 五峰土家族自治县 五峰县 宜都市 当阳市 枝江市
            襄阳市：襄城区 樊城区 襄州区 南漳县 谷城县 保康县 老河口市 枣阳市 宜城市
            鄂州市：梁子湖区 华容区 鄂城区
            荆门市：东宝区 掇刀区 沙洋县 钟祥市 京山市
            孝感市：孝南区 孝昌县 大悟县 云梦县 应城市 安陆市 汉川市
            荆州市：沙市区 荆州区 公安县 江陵县 石首市 洪湖市 松滋市 监利市
            黄冈市：黄州区 团风县 红安县 罗田县 英山县 浠水县 蕲春县 黄梅县 麻城市 武穴市
            咸宁市：咸安区 嘉鱼县 通城县 崇阳县 通山县 赤壁市
            随州市：曾都区 随县 广水市
            恩施土家族苗族自治州/恩施州：恩施市 利川市 建始县 巴东县 宣恩县 咸丰县 来凤县 鹤峰县
            仙桃市 潜江市 天门市 神农架林区
            """),
        ("湖南省", "湖南", """
            长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州/湘西州
            衡阳市：南岳区 衡山县 耒阳市
            岳阳市：岳阳县
            郴州市：永兴县
            邵阳市：隆回县
            """),
        ("广东省", "广东 粤", """
            广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市
            """),
        ("广西壮族自治区", "广西", """
            南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市
            """),
        ("海南省", "海南 琼", """
            海口市 三亚市 三沙市 儋州市
            """),
        ("重庆市", "重庆 渝", """
            ：万州区 涪陵区 渝中区 大渡口区 江北区 沙坪坝区 九龙坡区 南岸区 北碚区 綦江区 大足区 渝北区 巴南区 黔江区 长寿区 江津区 合川区 永川区 南川区 璧山区 铜梁区 潼南区 荣昌区 开州区 梁平区 武隆区 城口县 丰都县 垫江县 忠县 云阳县 奉节县 巫山县 巫溪县 石柱土家族自治县 石柱县 秀山土家族苗族自治县 秀山县 酉阳土家族苗族自治县 酉阳县 彭水苗族土家族自治县 彭水县 两江新区 西部（重庆）科学城 西部(重庆)科学城
            """),
        ("四川省", "四川", """
            成都市：锦江区 青羊区 金牛区 武侯区 成华区 龙泉驿区 青白江区 新都区 温江区 双流区 郫都区 新津区 金堂县 大邑县 蒲江县 都江堰市 彭州市 邛崃市 崇州市 简阳市 天府新区
            自贡市：自流井区 贡井区 大安区 沿滩区 荣县 富顺县
            攀枝花市：仁和区 米易县 盐边县
            泸州市：江阳区 纳溪区 龙马潭区 泸县 合江县 叙永县 古蔺县
            德阳市：旌阳区 罗江区 中江县 广汉市 什邡市 绵竹市
            绵阳市：涪城区 游仙区 安州区 三台县 盐亭县 梓潼县 北川羌族自治县 北川县 平武县 江油市
            广元市：利州区 昭化区 朝天区 旺苍县 青川县 剑阁县 苍溪县
            遂宁市：船山区 安居区 蓬溪县 大英县 射洪市
            内江市：东兴区 威远县 资中县 隆昌市
            乐山市：沙湾区 五通桥区 金口河区 犍为县 井研县 夹江县 沐川县 峨边彝族自治县 峨边县 马边彝族自治县 马边县 峨眉山市
            南充市：顺庆区 高坪区 嘉陵区 南部县 营山县 蓬安县 仪陇县 西充县 阆中市
            眉山市：东坡区 彭山区 仁寿县 洪雅县 丹棱县 青神县
            宜宾市：翠屏区 南溪区 叙州区 江安县 长宁县 珙县 筠连县 兴文县 屏山县
            广安市：广安区 前锋区 岳池县 武胜县 邻水县 华蓥市
            达州市：通川区 达川区 宣汉县 开江县 大竹县 渠县 万源市
            雅安市：雨城区 名山区 荥经县 汉源县 石棉县 天全县 芦山县 宝兴县
            巴中市：巴州区 恩阳区 通江县 南江县 平昌县
            资阳市：雁江区 安岳县 乐至县
            阿坝藏族羌族自治州/阿坝州：马尔康市 汶川县 茂县 松潘县 九寨沟县 金川县 小金县 黑水县 壤塘县 阿坝县 若尔盖县 红原县
            甘孜藏族自治州/甘孜州：康定市 泸定县 丹巴县 九龙县 雅江县 道孚县 炉霍县 甘孜县 新龙县 德格县 白玉县 石渠县 色达县 理塘县 巴塘县 乡城县 稻城县 得荣县
            凉山彝族自治州/凉山州：西昌市 会理市 木里藏族自治县 木里县 盐源县 德昌县 会东县 宁南县 普格县 布拖县 金阳县 昭觉县 喜德县 冕宁县 越西县 甘洛县 美姑县 雷波县
            """),
        ("贵州省", "贵州 黔", """
            贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州/黔西南州 黔东南苗族侗族自治州/黔东南州 黔南布依族苗族自治州/黔南州
            """),
        ("云南省", "云南 滇", """
            昆明市：五华区 盘龙区 官渡区 西山区 东川区 呈贡区 晋宁区 富民县 宜良县 石林彝族自治县 石林县 嵩明县 禄劝彝族苗族自治县 禄劝县 寻甸回族彝族自治县 寻甸县 安宁市
            曲靖市：麒麟区 沾益区 马龙区 陆良县 师宗县 罗平县 富源县 会泽县 宣威市
            玉溪市：红塔区 江川区 通海县 华宁县 易门县 峨山彝族自治县 峨山县 新平彝族傣族自治县 新平县 元江哈尼族彝族傣族自治县 元江县 澄江市
            保山市：隆阳区 施甸县 龙陵县 昌宁县 腾冲市
            昭通市：昭阳区 鲁甸县 巧家县 盐津县 大关县 永善县 绥江县 镇雄县 彝良县 威信县 水富市
            丽江市：古城区 玉龙纳西族自治县 玉龙县 永胜县 华坪县 宁蒗彝族自治县 宁蒗县
            普洱市：思茅区 宁洱哈尼族彝族自治县 宁洱县 墨江哈尼族自治县 墨江县 景东彝族自治县 景东县 景谷傣族彝族自治县 景谷县 镇沅彝族哈尼族拉祜族自治县 镇沅县 江城哈尼族彝族自治县 江城县 孟连傣族拉祜族佤族自治县 孟连县 澜沧拉祜族自治县 澜沧县 西盟佤族自治县 西盟县
            临沧市：临翔区 凤庆县 云县 永德县 镇康县 双江拉祜族佤族布朗族傣族自治县 双江县 耿马傣族佤族自治县 耿马县 沧源佤族自治县 沧源县
            楚雄彝族自治州/楚雄州：楚雄市 禄丰市 双柏县 牟定县 南华县 姚安县 大姚县 永仁县 元谋县 武定县
            红河哈尼族彝族自治州/红河州：个旧市 开远市 蒙自市 弥勒市 屏边苗族自治县 屏边县 建水县 石屏县 泸西县 元阳县 红河县 金平苗族瑶族傣族自治县 金平县 绿春县 河口瑶族自治县 河口县
            文山壮族苗族自治州/文山州：文山市 砚山县 西畴县 麻栗坡县 马关县 丘北县 广南县 富宁县
            西双版纳傣族自治州/西双版纳州：景洪市 勐海县 勐腊县
            大理白族自治州/大理州：大理市 漾濞彝族自治县 漾濞县 祥云县 宾川县 弥渡县 南涧彝族自治县 南涧县 巍山彝族回族自治县 巍山县 永平县 云龙县 洱源县 剑川县 鹤庆县
            德宏傣族景颇族自治州/德宏州：瑞丽市 芒市 梁河县 盈江县 陇川县
            怒江傈僳族自治州/怒江州：泸水市 福贡县 贡山独龙族怒族自治县 贡山县 兰坪白族普米族自治县 兰坪县
            迪庆藏族自治州/迪庆州：香格里拉市 德钦县 维西傈僳族自治县 维西县
            """),
        ("西藏自治区", "西藏", """
            拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区
            """),
        ("陕西省", "陕西 陕", """
            西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市
            商洛市：柞水县
            """),
        ("甘肃省", "甘肃", """
            兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州/临夏州 甘南藏族自治州/甘南州
            """),
        ("青海省", "青海", """
            西宁市 海东市 海北藏族自治州/海北州 黄南藏族自治州/黄南州 海南藏族自治州/海南州 果洛藏族自治州/果洛州 玉树藏族自治州/玉树州 海西蒙古族藏族自治州/海西州
            """),
        ("宁夏回族自治区", "宁夏", """
            银川市 石嘴山市 吴忠市 固原市 中卫市
            """),
        ("新疆维吾尔自治区", "新疆 新疆生产建设兵团 兵团", """
            乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州/昌吉州 博尔塔拉蒙古自治州/博州 巴音郭楞蒙古自治州/巴州 阿克苏地区 克孜勒苏柯尔克孜自治州/克州 喀什地区 和田地区 伊犁哈萨克自治州/伊犁州 塔城地区 阿勒泰地区 石河子市 阿拉尔市 图木舒克市 五家渠市 北屯市 铁门关市 双河市 可克达拉市 昆玉市 胡杨河市 新星市 白杨市
            """),
    ];

    /// <summary>The 31 provincial-level divisions' full names, as profiles name their region.</summary>
    public static IReadOnlyList<string> Provinces { get; } = Table.Select(t => t.Province).ToList();

    /// <summary>Every name in the table; a name in two provinces appears twice.</summary>
    public static IReadOnlyList<Place> All { get; } = Build();

    /// <summary>The names by their first character, for scanning a text once.</summary>
    internal static IReadOnlyDictionary<char, Place[]> ByFirstChar { get; } = All
        .GroupBy(p => p.Name[0])
        .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Name.Length).ToArray());

    public static bool IsProvince(string name) => Provinces.Contains(name, StringComparer.Ordinal);

    /// <summary>A province's place in the table (by 行政区划代码), so that ties are listed in one order.</summary>
    public static int OrderOf(string province) => Array.FindIndex(Table, t => t.Province == province);

    static List<Place> Build()
    {
        var places = new List<Place>();
        foreach (var (province, names, divisions) in Table)
        {
            places.Add(new Place(province, province, null, PlaceLevel.Province));
            foreach (var name in Words(names))
                places.Add(new Place(name, province, null, name.Length == 1 ? PlaceLevel.Abbreviation : PlaceLevel.Province));
            foreach (var line in divisions.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = line.IndexOf('：');
                if (colon < 0)
                {
                    foreach (var prefecture in Words(line)) AddPrefecture(places, province, prefecture);
                    continue;
                }
                var head = line[..colon];
                string? prefectureName = null;
                if (head.Length > 0)
                {
                    AddPrefecture(places, province, head);
                    prefectureName = head.Split('/')[0];
                }
                foreach (var county in Words(line[(colon + 1)..]))
                    places.Add(new Place(county, province, prefectureName, PlaceLevel.County));
            }
        }
        // A prefecture listed on its own line and again with its counties is one name, not two.
        return places.DistinctBy(p => (p.Name, p.Province)).ToList();
    }

    /// <summary>"红河哈尼族彝族自治州/红河州": the full name and its usual short form, both naming the full one.</summary>
    static void AddPrefecture(List<Place> places, string province, string names)
    {
        var forms = names.Split('/');
        foreach (var form in forms)
            places.Add(new Place(form, province, forms[0], PlaceLevel.Prefecture));
    }

    static string[] Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
