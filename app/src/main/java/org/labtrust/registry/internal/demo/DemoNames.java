package org.labtrust.registry.internal.demo;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Word lists for plausible Chinese body names, people and addresses. Invented, not real entities. */
final class DemoNames {

	private DemoNames() {
	}

	record City(String divisionCode, String name) {
	}

	/** A few prefecture-level (or, in the municipalities, district-level) divisions per province, GB/T 2260. */
	static final Map<String, List<City>> CITIES = Map.ofEntries(
			Map.entry("11", List.of(new City("110101", "东城区"), new City("110105", "朝阳区"), new City("110108", "海淀区"))),
			Map.entry("12", List.of(new City("120101", "和平区"), new City("120104", "南开区"), new City("120116", "滨海新区"))),
			Map.entry("13", List.of(new City("130100", "石家庄市"), new City("130200", "唐山市"), new City("130600", "保定市"))),
			Map.entry("14", List.of(new City("140100", "太原市"), new City("140200", "大同市"), new City("140400", "长治市"))),
			Map.entry("15", List.of(new City("150100", "呼和浩特市"), new City("150200", "包头市"), new City("150400", "赤峰市"))),
			Map.entry("21", List.of(new City("210100", "沈阳市"), new City("210200", "大连市"), new City("210300", "鞍山市"))),
			Map.entry("22", List.of(new City("220100", "长春市"), new City("220200", "吉林市"), new City("220300", "四平市"))),
			Map.entry("23", List.of(new City("230100", "哈尔滨市"), new City("230200", "齐齐哈尔市"), new City("230600", "大庆市"))),
			Map.entry("31", List.of(new City("310101", "黄浦区"), new City("310104", "徐汇区"), new City("310115", "浦东新区"))),
			Map.entry("32", List.of(new City("320100", "南京市"), new City("320200", "无锡市"), new City("320500", "苏州市"))),
			Map.entry("33", List.of(new City("330100", "杭州市"), new City("330200", "宁波市"), new City("330300", "温州市"))),
			Map.entry("34", List.of(new City("340100", "合肥市"), new City("340200", "芜湖市"), new City("340300", "蚌埠市"))),
			Map.entry("35", List.of(new City("350100", "福州市"), new City("350200", "厦门市"), new City("350500", "泉州市"))),
			Map.entry("36", List.of(new City("360100", "南昌市"), new City("360400", "九江市"), new City("360700", "赣州市"))),
			Map.entry("37", List.of(new City("370100", "济南市"), new City("370200", "青岛市"), new City("370600", "烟台市"))),
			Map.entry("41", List.of(new City("410100", "郑州市"), new City("410300", "洛阳市"), new City("410700", "新乡市"))),
			Map.entry("42", List.of(new City("420100", "武汉市"), new City("420500", "宜昌市"), new City("420600", "襄阳市"))),
			Map.entry("43", List.of(new City("430100", "长沙市"), new City("430200", "株洲市"), new City("430300", "湘潭市"))),
			Map.entry("44", List.of(new City("440100", "广州市"), new City("440300", "深圳市"), new City("440600", "佛山市"),
					new City("441900", "东莞市"))),
			Map.entry("45", List.of(new City("450100", "南宁市"), new City("450200", "柳州市"), new City("450300", "桂林市"))),
			Map.entry("46", List.of(new City("460100", "海口市"), new City("460200", "三亚市"))),
			Map.entry("50", List.of(new City("500101", "万州区"), new City("500103", "渝中区"), new City("500112", "渝北区"))),
			Map.entry("51", List.of(new City("510100", "成都市"), new City("510700", "绵阳市"), new City("511500", "宜宾市"))),
			Map.entry("52", List.of(new City("520100", "贵阳市"), new City("520300", "遵义市"))),
			Map.entry("53", List.of(new City("530100", "昆明市"), new City("530400", "玉溪市"))),
			Map.entry("54", List.of(new City("540100", "拉萨市"), new City("540200", "日喀则市"))),
			Map.entry("61", List.of(new City("610100", "西安市"), new City("610300", "宝鸡市"), new City("610400", "咸阳市"))),
			Map.entry("62", List.of(new City("620100", "兰州市"), new City("620500", "天水市"))),
			Map.entry("63", List.of(new City("630100", "西宁市"), new City("630200", "海东市"))),
			Map.entry("64", List.of(new City("640100", "银川市"), new City("640200", "石嘴山市"))),
			Map.entry("65", List.of(new City("650100", "乌鲁木齐市"), new City("650200", "克拉玛依市"))));

	/**
	 * Relative number of bodies per province. Guangdong, Shandong, Jiangsu and Henan are the 2020
	 * counts (BRIEF section 8); the rest are an estimate in proportion to economy and population.
	 */
	static final Map<String, Integer> PROVINCE_WEIGHTS = Map.ofEntries(Map.entry("44", 3807), Map.entry("37", 3784),
			Map.entry("32", 3413), Map.entry("41", 2879), Map.entry("33", 2600), Map.entry("51", 2300),
			Map.entry("13", 2200), Map.entry("42", 2000), Map.entry("43", 1900), Map.entry("34", 1800),
			Map.entry("35", 1500), Map.entry("21", 1500), Map.entry("61", 1400), Map.entry("36", 1300),
			Map.entry("45", 1300), Map.entry("14", 1200), Map.entry("53", 1200), Map.entry("11", 1200),
			Map.entry("31", 1100), Map.entry("23", 1000), Map.entry("52", 1000), Map.entry("22", 900),
			Map.entry("15", 900), Map.entry("50", 900), Map.entry("62", 800), Map.entry("65", 800),
			Map.entry("12", 600), Map.entry("46", 300), Map.entry("64", 300), Map.entry("63", 250),
			Map.entry("54", 150));

	static final List<String> TRADE_NAMES = List.of("华测", "谱尼", "中正", "信达", "正源", "天衡", "科信", "诚信", "恒安", "金标",
			"国检", "宏达", "瑞升", "鑫源", "博安", "中科", "海润", "清源", "安正", "精诚", "德信", "众鑫", "汇通", "立信", "华正",
			"中环", "绿源", "天健", "永安", "新锐", "恒信", "标格", "卓越", "通标", "华谱", "方圆", "联合", "启明", "蓝天", "致远",
			"长城", "中创", "同济", "求实", "明德", "正信", "华科", "东方", "九州", "泰和");

	/** What a body in each CMA field typically calls itself. */
	static final Map<String, List<String>> FIELD_WORDS = Map.ofEntries(
			Map.entry("00", List.of("食品检测", "食品安全检测", "农产品食品检测")),
			Map.entry("01", List.of("建设工程质量检测", "建筑工程检测", "工程检测")),
			Map.entry("02", List.of("建材检测", "建筑材料检测", "新型建材检测")),
			Map.entry("03", List.of("卫生检测", "公共卫生检测", "职业卫生检测")),
			Map.entry("04", List.of("农产品质量检测", "农业检测", "渔业检测")),
			Map.entry("05", List.of("机动车检测", "机动车安全技术检测", "汽车检测")),
			Map.entry("08", List.of("机械产品检测", "金属材料检测", "特种设备检测")),
			Map.entry("09", List.of("电子产品检测", "电子信息检测", "电磁兼容检测")),
			Map.entry("10", List.of("轻工产品检测", "日用品检测", "家具检测")),
			Map.entry("11", List.of("纺织品检测", "纺织服装检测", "纤维检验")),
			Map.entry("12", List.of("环境监测", "环境检测", "生态环境监测")),
			Map.entry("13", List.of("水质检测", "水环境检测", "供水水质检测")),
			Map.entry("14", List.of("化工产品检测", "化学品检测", "石化产品检测")),
			Map.entry("15", List.of("医疗器械检验", "医疗器械检测", "生物材料检测")),
			Map.entry("21", List.of("计量检测", "综合检测", "防护用品检测")));

	/** Public institutions (事业单位) per field. */
	static final Map<String, String> INSTITUTION_NAMES = Map.ofEntries(Map.entry("00", "食品检验所"),
			Map.entry("01", "建设工程质量检测中心"), Map.entry("02", "建筑材料质量监督检验站"), Map.entry("03", "疾病预防控制中心"),
			Map.entry("04", "农产品质量安全检测中心"), Map.entry("05", "机动车检测站"), Map.entry("08", "产品质量监督检验所"),
			Map.entry("09", "电子产品质量监督检验所"), Map.entry("10", "产品质量监督检验所"), Map.entry("11", "纤维检验所"),
			Map.entry("12", "生态环境监测中心"), Map.entry("13", "水文水资源勘测中心"), Map.entry("14", "产品质量监督检验院"),
			Map.entry("15", "医疗器械检验所"), Map.entry("21", "计量测试研究院"));

	static final List<String> COMPANY_SUFFIXES = List.of("有限公司", "技术有限公司", "技术服务有限公司", "股份有限公司", "集团有限公司");

	static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖",
			"田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "欧阳", "司马");

	static final List<String> GIVEN_NAMES = List.of("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
			"艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "海燕", "晓东", "文", "华",
			"玉兰", "红", "建国", "春梅", "国强", "卫东", "丹", "鹏", "辉", "宇", "浩", "婷", "雪", "琳", "斌", "亮", "子涵",
			"一鸣", "思远", "欣怡", "俊杰");

	static final List<String> ROADS = List.of("人民路", "解放路", "建设路", "科技路", "高新大道", "工业园路", "中山路", "长江路",
			"黄河路", "创新大道", "学府路", "滨江路", "文化路", "新华路", "和平路", "光明路", "振兴路", "科学大道", "环城北路",
			"开发区大道");

	static final List<String> LIMITATIONS = List.of("只用第一法", "只用第二法", "不做第三法", "仅限实验室检测", "仅限现场检测",
			"不含婴幼儿配方食品", "只做定性", "检出限满足标准要求即可");

	/** Generic objects in the standards list made concrete, as real scope tables do (粮食 → 大米). */
	static final Map<String, List<String>> OBJECT_VARIANTS = Map.of("粮食", List.of("粮食", "大米", "小麦粉", "玉米"), "蔬菜",
			List.of("蔬菜", "叶菜类蔬菜", "根茎类蔬菜"), "水产品", List.of("水产品", "鱼类", "贝类"), "肉制品",
			List.of("肉制品", "熟肉制品"), "乳制品", List.of("乳制品", "液态乳", "乳粉"));

	static <T> T pick(RandomGenerator random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	static String person(RandomGenerator random) {
		return pick(random, SURNAMES) + pick(random, GIVEN_NAMES);
	}

	/** "长沙" for 长沙市; districts keep their name. */
	static String shortName(String city) {
		for (String suffix : List.of("市", "地区")) {
			if (city.endsWith(suffix) && city.length() > suffix.length() + 1) {
				return city.substring(0, city.length() - suffix.length());
			}
		}
		return city;
	}
}
