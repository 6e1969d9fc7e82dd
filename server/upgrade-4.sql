-- DealSheet team register: upgrade from schema version 4 to 5.
-- Generated from the schema (make_server_sql --upgrade-from 4). Back up first; run as the owner:
--   psql -v ON_ERROR_STOP=1 -d dealsheet -f THIS_FILE
BEGIN;
DO $$ BEGIN
  IF (SELECT value FROM dealsheet.meta WHERE name = 'schema_version') <> '4' THEN
    RAISE EXCEPTION 'this register is not at schema version 4';
  END IF;
END $$;

-- ---- Match keys (SPEC section 12), computed by the server itself ------------------------
-- The server never trusts a client's keys: it computes them with the functions below, which
-- give what the extension's core gives (core/matching; tests/team_match_keys.sh compares the
-- two on a real server). The word lists are those compiled into the extension
-- (schema/matching/*.txt), already folded as names are; only the register's owner reads or
-- changes them. The functions read none of them while they run: compile_match_lists() turns
-- them into lookup objects held as one constant in match_lists(), built again whenever a list
-- changes (a key computed before keeps the lists of its time). The keys' functions run as
-- their caller and are granted to lead and member (a push computes keys as the salesperson);
-- they reveal nothing but the word lists. Keys of names of thousands of characters take time
-- growing with the square of the length (2 s for a 10,000-character branch name).
CREATE TABLE dealsheet.match_legal_forms (form text PRIMARY KEY);
COMMENT ON TABLE dealsheet.match_legal_forms IS 'Legal forms (组织形式) at the end of a name, folded (schema/matching/legal_forms.txt)';
CREATE TABLE dealsheet.match_branch_words (word text PRIMARY KEY);
COMMENT ON TABLE dealsheet.match_branch_words IS 'Words that end a branch''s name, folded (schema/matching/branch_words.txt)';
CREATE TABLE dealsheet.match_regions (written text PRIMARY KEY, region text NOT NULL);
COMMENT ON TABLE dealsheet.match_regions IS 'A region as written (folded) and its short name (schema/matching/regions.txt)';
CREATE TABLE dealsheet.match_region_parents (region text PRIMARY KEY, parent text NOT NULL);
COMMENT ON TABLE dealsheet.match_region_parents IS 'The region a region lies in (schema/matching/regions.txt, <X)';
CREATE TABLE dealsheet.match_industry_words (word text PRIMARY KEY, class text NOT NULL);
COMMENT ON TABLE dealsheet.match_industry_words IS 'Industry words (folded) and their synonym class (schema/matching/industry_classes.txt)';
INSERT INTO dealsheet.match_legal_forms VALUES
  ('集团股份有限公司'),
  ('集团有限责任公司'),
  ('集团有限公司'),
  ('股份有限公司'),
  ('有限责任公司'),
  ('有限公司'),
  ('股份公司'),
  ('总公司'),
  ('公司'),
  ('(集团)'),
  ('集团'),
  ('(特殊普通合伙)'),
  ('(普通合伙)'),
  ('(有限合伙)'),
  ('特殊普通合伙'),
  ('普通合伙'),
  ('有限合伙'),
  ('合伙企业'),
  ('个人独资企业'),
  ('独资企业'),
  ('个体工商户'),
  ('农民专业合作社'),
  ('专业合作社'),
  ('合作社'),
  ('总厂'),
  ('厂'),
  ('商行'),
  ('商店'),
  ('经营部'),
  ('经销部'),
  ('门市部'),
  ('工作室'),
  ('事务所'),
  ('co ltd'),
  ('company limited'),
  ('co limited'),
  ('limited'),
  ('ltd'),
  ('inc'),
  ('incorporated'),
  ('l l c'),
  ('llc'),
  ('corp'),
  ('corporation'),
  ('company'),
  ('co'),
  ('group'),
  ('holdings limited'),
  ('plc'),
  ('llp'),
  ('l p'),
  ('pte ltd'),
  ('pty ltd'),
  ('gmbh'),
  ('ag'),
  ('s a');
INSERT INTO dealsheet.match_branch_words VALUES
  ('分公司'),
  ('分行'),
  ('支行'),
  ('分理处'),
  ('储蓄所'),
  ('办事处'),
  ('营业部'),
  ('营业厅'),
  ('分部'),
  ('分店'),
  ('分厂'),
  ('分所'),
  ('分社'),
  ('分中心'),
  ('代表处'),
  ('联络处');
INSERT INTO dealsheet.match_regions VALUES
  ('中国', '中国'),
  ('中华人民共和国', '中国'),
  ('北京', '北京'),
  ('北京市', '北京'),
  ('天津', '天津'),
  ('天津市', '天津'),
  ('上海', '上海'),
  ('上海市', '上海'),
  ('重庆', '重庆'),
  ('重庆市', '重庆'),
  ('河北', '河北'),
  ('河北省', '河北'),
  ('山西', '山西'),
  ('山西省', '山西'),
  ('内蒙古', '内蒙古'),
  ('内蒙古自治区', '内蒙古'),
  ('辽宁', '辽宁'),
  ('辽宁省', '辽宁'),
  ('吉林', '吉林'),
  ('吉林省', '吉林'),
  ('吉林市', '吉林'),
  ('黑龙江', '黑龙江'),
  ('黑龙江省', '黑龙江'),
  ('江苏', '江苏'),
  ('江苏省', '江苏'),
  ('浙江', '浙江'),
  ('浙江省', '浙江'),
  ('安徽', '安徽'),
  ('安徽省', '安徽'),
  ('福建', '福建'),
  ('福建省', '福建'),
  ('江西', '江西'),
  ('江西省', '江西'),
  ('山东', '山东'),
  ('山东省', '山东'),
  ('河南', '河南'),
  ('河南省', '河南'),
  ('湖北', '湖北'),
  ('湖北省', '湖北'),
  ('湖南', '湖南'),
  ('湖南省', '湖南'),
  ('广东', '广东'),
  ('广东省', '广东'),
  ('广西', '广西'),
  ('广西壮族自治区', '广西'),
  ('海南', '海南'),
  ('海南省', '海南'),
  ('四川', '四川'),
  ('四川省', '四川'),
  ('贵州', '贵州'),
  ('贵州省', '贵州'),
  ('云南', '云南'),
  ('云南省', '云南'),
  ('西藏', '西藏'),
  ('西藏自治区', '西藏'),
  ('陕西', '陕西'),
  ('陕西省', '陕西'),
  ('甘肃', '甘肃'),
  ('甘肃省', '甘肃'),
  ('青海', '青海'),
  ('青海省', '青海'),
  ('宁夏', '宁夏'),
  ('宁夏回族自治区', '宁夏'),
  ('新疆', '新疆'),
  ('新疆维吾尔自治区', '新疆'),
  ('台湾', '台湾'),
  ('台湾省', '台湾'),
  ('香港', '香港'),
  ('香港特别行政区', '香港'),
  ('澳门', '澳门'),
  ('澳门特别行政区', '澳门'),
  ('石家庄', '石家庄'),
  ('石家庄市', '石家庄'),
  ('唐山', '唐山'),
  ('唐山市', '唐山'),
  ('保定', '保定'),
  ('保定市', '保定'),
  ('邯郸', '邯郸'),
  ('邯郸市', '邯郸'),
  ('廊坊', '廊坊'),
  ('廊坊市', '廊坊'),
  ('沧州', '沧州'),
  ('沧州市', '沧州'),
  ('秦皇岛', '秦皇岛'),
  ('秦皇岛市', '秦皇岛'),
  ('太原', '太原'),
  ('太原市', '太原'),
  ('大同', '大同'),
  ('大同市', '大同'),
  ('呼和浩特', '呼和浩特'),
  ('呼和浩特市', '呼和浩特'),
  ('包头', '包头'),
  ('包头市', '包头'),
  ('鄂尔多斯', '鄂尔多斯'),
  ('鄂尔多斯市', '鄂尔多斯'),
  ('沈阳', '沈阳'),
  ('沈阳市', '沈阳'),
  ('大连', '大连'),
  ('大连市', '大连'),
  ('鞍山', '鞍山'),
  ('鞍山市', '鞍山'),
  ('长春', '长春'),
  ('长春市', '长春'),
  ('哈尔滨', '哈尔滨'),
  ('哈尔滨市', '哈尔滨'),
  ('大庆', '大庆'),
  ('大庆市', '大庆'),
  ('齐齐哈尔', '齐齐哈尔'),
  ('齐齐哈尔市', '齐齐哈尔'),
  ('南京', '南京'),
  ('南京市', '南京'),
  ('苏州', '苏州'),
  ('苏州市', '苏州'),
  ('无锡', '无锡'),
  ('无锡市', '无锡'),
  ('常州', '常州'),
  ('常州市', '常州'),
  ('南通', '南通'),
  ('南通市', '南通'),
  ('徐州', '徐州'),
  ('徐州市', '徐州'),
  ('扬州', '扬州'),
  ('扬州市', '扬州'),
  ('镇江', '镇江'),
  ('镇江市', '镇江'),
  ('盐城', '盐城'),
  ('盐城市', '盐城'),
  ('泰州', '泰州'),
  ('泰州市', '泰州'),
  ('连云港', '连云港'),
  ('连云港市', '连云港'),
  ('杭州', '杭州'),
  ('杭州市', '杭州'),
  ('宁波', '宁波'),
  ('宁波市', '宁波'),
  ('温州', '温州'),
  ('温州市', '温州'),
  ('嘉兴', '嘉兴'),
  ('嘉兴市', '嘉兴'),
  ('湖州', '湖州'),
  ('湖州市', '湖州'),
  ('绍兴', '绍兴'),
  ('绍兴市', '绍兴'),
  ('金华', '金华'),
  ('金华市', '金华'),
  ('台州', '台州'),
  ('台州市', '台州'),
  ('合肥', '合肥'),
  ('合肥市', '合肥'),
  ('芜湖', '芜湖'),
  ('芜湖市', '芜湖'),
  ('福州', '福州'),
  ('福州市', '福州'),
  ('厦门', '厦门'),
  ('厦门市', '厦门'),
  ('泉州', '泉州'),
  ('泉州市', '泉州'),
  ('漳州', '漳州'),
  ('漳州市', '漳州'),
  ('南昌', '南昌'),
  ('南昌市', '南昌'),
  ('赣州', '赣州'),
  ('赣州市', '赣州'),
  ('济南', '济南'),
  ('济南市', '济南'),
  ('青岛', '青岛'),
  ('青岛市', '青岛'),
  ('烟台', '烟台'),
  ('烟台市', '烟台'),
  ('潍坊', '潍坊'),
  ('潍坊市', '潍坊'),
  ('临沂', '临沂'),
  ('临沂市', '临沂'),
  ('淄博', '淄博'),
  ('淄博市', '淄博'),
  ('济宁', '济宁'),
  ('济宁市', '济宁'),
  ('威海', '威海'),
  ('威海市', '威海'),
  ('郑州', '郑州'),
  ('郑州市', '郑州'),
  ('洛阳', '洛阳'),
  ('洛阳市', '洛阳'),
  ('南阳', '南阳'),
  ('南阳市', '南阳'),
  ('武汉', '武汉'),
  ('武汉市', '武汉'),
  ('宜昌', '宜昌'),
  ('宜昌市', '宜昌'),
  ('襄阳', '襄阳'),
  ('襄阳市', '襄阳'),
  ('长沙', '长沙'),
  ('长沙市', '长沙'),
  ('株洲', '株洲'),
  ('株洲市', '株洲'),
  ('岳阳', '岳阳'),
  ('岳阳市', '岳阳'),
  ('广州', '广州'),
  ('广州市', '广州'),
  ('深圳', '深圳'),
  ('深圳市', '深圳'),
  ('珠海', '珠海'),
  ('珠海市', '珠海'),
  ('汕头', '汕头'),
  ('汕头市', '汕头'),
  ('佛山', '佛山'),
  ('佛山市', '佛山'),
  ('东莞', '东莞'),
  ('东莞市', '东莞'),
  ('中山', '中山'),
  ('中山市', '中山'),
  ('惠州', '惠州'),
  ('惠州市', '惠州'),
  ('江门', '江门'),
  ('江门市', '江门'),
  ('南宁', '南宁'),
  ('南宁市', '南宁'),
  ('柳州', '柳州'),
  ('柳州市', '柳州'),
  ('桂林', '桂林'),
  ('桂林市', '桂林'),
  ('海口', '海口'),
  ('海口市', '海口'),
  ('三亚', '三亚'),
  ('三亚市', '三亚'),
  ('成都', '成都'),
  ('成都市', '成都'),
  ('绵阳', '绵阳'),
  ('绵阳市', '绵阳'),
  ('宜宾', '宜宾'),
  ('宜宾市', '宜宾'),
  ('贵阳', '贵阳'),
  ('贵阳市', '贵阳'),
  ('遵义', '遵义'),
  ('遵义市', '遵义'),
  ('昆明', '昆明'),
  ('昆明市', '昆明'),
  ('拉萨', '拉萨'),
  ('拉萨市', '拉萨'),
  ('西安', '西安'),
  ('西安市', '西安'),
  ('宝鸡', '宝鸡'),
  ('宝鸡市', '宝鸡'),
  ('榆林', '榆林'),
  ('榆林市', '榆林'),
  ('兰州', '兰州'),
  ('兰州市', '兰州'),
  ('西宁', '西宁'),
  ('西宁市', '西宁'),
  ('银川', '银川'),
  ('银川市', '银川'),
  ('乌鲁木齐', '乌鲁木齐'),
  ('乌鲁木齐市', '乌鲁木齐'),
  ('克拉玛依', '克拉玛依'),
  ('克拉玛依市', '克拉玛依'),
  ('台北', '台北'),
  ('台北市', '台北'),
  ('海淀区', '海淀区'),
  ('朝阳区', '朝阳区'),
  ('东城区', '东城区'),
  ('西城区', '西城区'),
  ('丰台区', '丰台区'),
  ('浦东新区', '浦东新区'),
  ('徐汇区', '徐汇区'),
  ('黄浦区', '黄浦区'),
  ('静安区', '静安区'),
  ('闵行区', '闵行区'),
  ('滨海新区', '滨海新区'),
  ('两江新区', '两江新区'),
  ('天河区', '天河区'),
  ('越秀区', '越秀区'),
  ('南山区', '南山区'),
  ('福田区', '福田区'),
  ('罗湖区', '罗湖区'),
  ('宝安区', '宝安区'),
  ('龙岗区', '龙岗区'),
  ('雄安新区', '雄安新区');
INSERT INTO dealsheet.match_region_parents VALUES
  ('石家庄', '河北'),
  ('唐山', '河北'),
  ('保定', '河北'),
  ('邯郸', '河北'),
  ('廊坊', '河北'),
  ('沧州', '河北'),
  ('秦皇岛', '河北'),
  ('太原', '山西'),
  ('大同', '山西'),
  ('呼和浩特', '内蒙古'),
  ('包头', '内蒙古'),
  ('鄂尔多斯', '内蒙古'),
  ('沈阳', '辽宁'),
  ('大连', '辽宁'),
  ('鞍山', '辽宁'),
  ('长春', '吉林'),
  ('哈尔滨', '黑龙江'),
  ('大庆', '黑龙江'),
  ('齐齐哈尔', '黑龙江'),
  ('南京', '江苏'),
  ('苏州', '江苏'),
  ('无锡', '江苏'),
  ('常州', '江苏'),
  ('南通', '江苏'),
  ('徐州', '江苏'),
  ('扬州', '江苏'),
  ('镇江', '江苏'),
  ('盐城', '江苏'),
  ('泰州', '江苏'),
  ('连云港', '江苏'),
  ('杭州', '浙江'),
  ('宁波', '浙江'),
  ('温州', '浙江'),
  ('嘉兴', '浙江'),
  ('湖州', '浙江'),
  ('绍兴', '浙江'),
  ('金华', '浙江'),
  ('台州', '浙江'),
  ('合肥', '安徽'),
  ('芜湖', '安徽'),
  ('福州', '福建'),
  ('厦门', '福建'),
  ('泉州', '福建'),
  ('漳州', '福建'),
  ('南昌', '江西'),
  ('赣州', '江西'),
  ('济南', '山东'),
  ('青岛', '山东'),
  ('烟台', '山东'),
  ('潍坊', '山东'),
  ('临沂', '山东'),
  ('淄博', '山东'),
  ('济宁', '山东'),
  ('威海', '山东'),
  ('郑州', '河南'),
  ('洛阳', '河南'),
  ('南阳', '河南'),
  ('武汉', '湖北'),
  ('宜昌', '湖北'),
  ('襄阳', '湖北'),
  ('长沙', '湖南'),
  ('株洲', '湖南'),
  ('岳阳', '湖南'),
  ('广州', '广东'),
  ('深圳', '广东'),
  ('珠海', '广东'),
  ('汕头', '广东'),
  ('佛山', '广东'),
  ('东莞', '广东'),
  ('中山', '广东'),
  ('惠州', '广东'),
  ('江门', '广东'),
  ('南宁', '广西'),
  ('柳州', '广西'),
  ('桂林', '广西'),
  ('海口', '海南'),
  ('三亚', '海南'),
  ('成都', '四川'),
  ('绵阳', '四川'),
  ('宜宾', '四川'),
  ('贵阳', '贵州'),
  ('遵义', '贵州'),
  ('昆明', '云南'),
  ('拉萨', '西藏'),
  ('西安', '陕西'),
  ('宝鸡', '陕西'),
  ('榆林', '陕西'),
  ('兰州', '甘肃'),
  ('西宁', '青海'),
  ('银川', '宁夏'),
  ('乌鲁木齐', '新疆'),
  ('克拉玛依', '新疆'),
  ('台北', '台湾'),
  ('海淀区', '北京'),
  ('朝阳区', '北京'),
  ('东城区', '北京'),
  ('西城区', '北京'),
  ('丰台区', '北京'),
  ('浦东新区', '上海'),
  ('徐汇区', '上海'),
  ('黄浦区', '上海'),
  ('静安区', '上海'),
  ('闵行区', '上海'),
  ('滨海新区', '天津'),
  ('两江新区', '重庆'),
  ('天河区', '广州'),
  ('越秀区', '广州'),
  ('南山区', '深圳'),
  ('福田区', '深圳'),
  ('罗湖区', '深圳'),
  ('宝安区', '深圳'),
  ('龙岗区', '深圳'),
  ('雄安新区', '河北');
INSERT INTO dealsheet.match_industry_words VALUES
  ('科技', '科技'),
  ('技术', '科技'),
  ('信息技术', '科技'),
  ('信息科技', '科技'),
  ('网络科技', '科技'),
  ('网络技术', '科技'),
  ('数字科技', '科技'),
  ('数字技术', '科技'),
  ('智能科技', '科技'),
  ('智能技术', '科技'),
  ('高科技', '科技'),
  ('高新技术', '科技'),
  ('科技发展', '科技'),
  ('科技开发', '科技'),
  ('技术开发', '科技'),
  ('技术服务', '科技'),
  ('科技服务', '科技'),
  ('信息', '科技'),
  ('网络', '科技'),
  ('technology', '科技'),
  ('technologies', '科技'),
  ('tech', '科技'),
  ('软件', '软件'),
  ('软件技术', '软件'),
  ('软件开发', '软件'),
  ('信息系统', '软件'),
  ('software', '软件'),
  ('贸易', '贸易'),
  ('商贸', '贸易'),
  ('经贸', '贸易'),
  ('国际贸易', '贸易'),
  ('进出口', '贸易'),
  ('商业', '贸易'),
  ('trading', '贸易'),
  ('trade', '贸易'),
  ('电子', '电子'),
  ('电器', '电子'),
  ('电子产品', '电子'),
  ('电子设备', '电子'),
  ('electronics', '电子'),
  ('electronic', '电子'),
  ('电气', '电气'),
  ('电力', '电气'),
  ('电工', '电气'),
  ('电力设备', '电气'),
  ('电气设备', '电气'),
  ('electric', '电气'),
  ('electrical', '电气'),
  ('通信', '通信'),
  ('通讯', '通信'),
  ('电信', '通信'),
  ('communication', '通信'),
  ('communications', '通信'),
  ('telecom', '通信'),
  ('咨询', '咨询'),
  ('顾问', '咨询'),
  ('管理咨询', '咨询'),
  ('企业管理', '咨询'),
  ('咨询服务', '咨询'),
  ('商务咨询', '咨询'),
  ('consulting', '咨询'),
  ('建设', '建设'),
  ('建筑', '建设'),
  ('建工', '建设'),
  ('工程', '建设'),
  ('建设工程', '建设'),
  ('建筑工程', '建设'),
  ('construction', '建设'),
  ('engineering', '建设'),
  ('机械', '机械'),
  ('机电', '机械'),
  ('设备', '机械'),
  ('机械设备', '机械'),
  ('machinery', '机械'),
  ('equipment', '机械'),
  ('医药', '医药'),
  ('药业', '医药'),
  ('制药', '医药'),
  ('生物医药', '医药'),
  ('pharmaceutical', '医药'),
  ('pharmaceuticals', '医药'),
  ('医疗', '医疗'),
  ('医疗器械', '医疗'),
  ('medical', '医疗'),
  ('生物', '生物'),
  ('biotech', '生物'),
  ('食品', '食品'),
  ('food', '食品'),
  ('化工', '化工'),
  ('化学', '化工'),
  ('chemical', '化工'),
  ('chemicals', '化工'),
  ('物流', '物流'),
  ('供应链', '物流'),
  ('运输', '物流'),
  ('货运', '物流'),
  ('快递', '物流'),
  ('logistics', '物流'),
  ('文化', '文化'),
  ('传媒', '文化'),
  ('文化传媒', '文化'),
  ('广告', '文化'),
  ('传播', '文化'),
  ('文化传播', '文化'),
  ('media', '文化'),
  ('投资', '投资'),
  ('资本', '投资'),
  ('投资管理', '投资'),
  ('资产管理', '投资'),
  ('创投', '投资'),
  ('investment', '投资'),
  ('capital', '投资'),
  ('控股', '控股'),
  ('投资控股', '控股'),
  ('holding', '控股'),
  ('holdings', '控股'),
  ('银行', '银行'),
  ('bank', '银行'),
  ('保险', '保险'),
  ('insurance', '保险'),
  ('证券', '证券'),
  ('securities', '证券'),
  ('能源', '能源'),
  ('新能源', '能源'),
  ('energy', '能源'),
  ('环保', '环保'),
  ('环境', '环保'),
  ('节能', '环保'),
  ('environmental', '环保'),
  ('汽车', '汽车'),
  ('汽配', '汽车'),
  ('汽车销售', '汽车'),
  ('automotive', '汽车'),
  ('纺织', '纺织'),
  ('服装', '纺织'),
  ('服饰', '纺织'),
  ('textile', '纺织'),
  ('textiles', '纺织'),
  ('家具', '家具'),
  ('家居', '家具'),
  ('furniture', '家具'),
  ('材料', '材料'),
  ('新材料', '材料'),
  ('materials', '材料'),
  ('实业', '实业'),
  ('工业', '实业'),
  ('产业', '实业'),
  ('industrial', '实业'),
  ('industries', '实业'),
  ('制造', '制造'),
  ('智能制造', '制造'),
  ('manufacturing', '制造'),
  ('房地产', '房地产'),
  ('地产', '房地产'),
  ('置业', '房地产'),
  ('房产', '房地产'),
  ('realty', '房地产'),
  ('物业', '物业'),
  ('物业管理', '物业'),
  ('餐饮', '餐饮'),
  ('超市', '超市'),
  ('零售', '超市'),
  ('商场', '超市'),
  ('百货', '超市'),
  ('retail', '超市'),
  ('教育', '教育'),
  ('培训', '教育'),
  ('人力资源', '人力资源'),
  ('装饰', '装饰'),
  ('装修', '装饰'),
  ('装饰工程', '装饰'),
  ('印刷', '印刷'),
  ('包装', '印刷'),
  ('农业', '农业');

-- The word lists as the functions use them: jsonb objects of the words (a word -> its value),
-- and for each character a word starts with (regions; industry words inside a branch's name)
-- or ends with (legal forms, branch and industry words), the length of the longest such word, so that a name is looked up only where a word may stand,
-- the longest first, as the core does (large alternations of regular expressions measured 5
-- to 60 times slower in PostgreSQL 15).
CREATE TYPE dealsheet.match_lists_t AS (
  legal_forms jsonb, legal_last jsonb, branch_words jsonb, branch_last jsonb,
  regions jsonb, region_first jsonb, region_parents jsonb,
  industries jsonb, industry_first jsonb, industry_last jsonb);
CREATE FUNCTION dealsheet.match_lists() RETURNS dealsheet.match_lists_t LANGUAGE sql
IMMUTABLE PARALLEL SAFE AS $f$ SELECT NULL::dealsheet.match_lists_t $f$;
CREATE FUNCTION dealsheet.compile_match_lists() RETURNS void LANGUAGE plpgsql
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  l dealsheet.match_lists_t;
BEGIN
  WITH words AS (
    SELECT 'legal' AS list, form AS word, 'true'::jsonb AS value FROM dealsheet.match_legal_forms
    UNION ALL SELECT 'branch', word, 'true' FROM dealsheet.match_branch_words
    UNION ALL SELECT 'region', written, to_jsonb(region) FROM dealsheet.match_regions
    UNION ALL SELECT 'industry', word, to_jsonb(class) FROM dealsheet.match_industry_words),
  firsts AS (
    SELECT list, jsonb_object_agg(c, n) AS longest
    FROM (SELECT list, left(word, 1) AS c, max(length(word)) AS n FROM words WHERE word <> ''
          GROUP BY 1, 2) f GROUP BY 1),
  lasts AS (
    SELECT list, jsonb_object_agg(c, n) AS longest
    FROM (SELECT list, right(word, 1) AS c, max(length(word)) AS n FROM words WHERE word <> ''
          GROUP BY 1, 2) f GROUP BY 1),
  objects AS (SELECT list, jsonb_object_agg(word, value) AS words FROM words WHERE word <> '' GROUP BY 1)
  SELECT (SELECT words FROM objects WHERE list = 'legal'),
         (SELECT longest FROM lasts WHERE list = 'legal'),
         (SELECT words FROM objects WHERE list = 'branch'),
         (SELECT longest FROM lasts WHERE list = 'branch'),
         (SELECT words FROM objects WHERE list = 'region'),
         (SELECT longest FROM firsts WHERE list = 'region'),
         (SELECT coalesce(jsonb_object_agg(region, parent), '{}') FROM dealsheet.match_region_parents),
         (SELECT words FROM objects WHERE list = 'industry'),
         (SELECT longest FROM firsts WHERE list = 'industry'),
         (SELECT longest FROM lasts WHERE list = 'industry')
    INTO l;
  l.legal_forms := coalesce(l.legal_forms, '{}');
  l.legal_last := coalesce(l.legal_last, '{}');
  l.branch_words := coalesce(l.branch_words, '{}');
  l.branch_last := coalesce(l.branch_last, '{}');
  l.regions := coalesce(l.regions, '{}');
  l.region_first := coalesce(l.region_first, '{}');
  l.industries := coalesce(l.industries, '{}');
  l.industry_first := coalesce(l.industry_first, '{}');
  l.industry_last := coalesce(l.industry_last, '{}');
  EXECUTE format('CREATE OR REPLACE FUNCTION dealsheet.match_lists() RETURNS dealsheet.match_lists_t '
                 'LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
                 format('SELECT %L::dealsheet.match_lists_t', l));
END $f$;
CREATE FUNCTION dealsheet.compile_match_lists_trigger() RETURNS trigger LANGUAGE plpgsql
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
BEGIN
  PERFORM dealsheet.compile_match_lists();
  RETURN NULL;
END $f$;

-- A name key as the core's NameKey: 字号, industry classes (sorted, '+' between), legal form,
-- most specific region, branch.
CREATE TYPE dealsheet.name_key_t AS (
  core text, industry_class text, legal_form text, region text, branch text);

-- True when region `inner` lies in `outer` (深圳 in 广东), or is it.
CREATE FUNCTION dealsheet.region_within(inner_region text, outer_region text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  at text := inner_region;
  parents jsonb := (dealsheet.match_lists()).region_parents;
BEGIN
  FOR depth IN 1..8 LOOP  -- the lists nest three deep at most
    IF at = outer_region THEN RETURN true; END IF;
    at := parents ->> at;
    IF at IS NULL THEN RETURN false; END IF;
  END LOOP;
  RETURN false;
END $f$;

-- The length of the longest region written at `at` in `s` (0 for none).
CREATE FUNCTION dealsheet.region_at(s text, at integer) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  l dealsheet.match_lists_t := dealsheet.match_lists();
  n integer := least(coalesce((l.region_first ->> substr(s, at, 1))::integer, 0), length(s) - at + 1);
BEGIN
  WHILE n > 0 AND NOT l.regions ? substr(s, at, n) LOOP n := n - 1; END LOOP;
  RETURN coalesce(n, 0);
END $f$;

-- The regions `s` is made of, one after the other, the longest at each place (北京海淀区), or
-- none when it is not.
CREATE FUNCTION dealsheet.region_run(s text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  l dealsheet.match_lists_t := dealsheet.match_lists();
  regions text[] := '{}';
  at integer := 1;
  n integer;
BEGIN
  WHILE at <= length(s) LOOP
    n := least(coalesce((l.region_first ->> substr(s, at, 1))::integer, 0), length(s) - at + 1);
    WHILE n > 0 AND NOT l.regions ? substr(s, at, n) LOOP n := n - 1; END LOOP;
    IF coalesce(n, 0) = 0 THEN RETURN '{}'; END IF;
    regions := regions || (l.regions ->> substr(s, at, n));
    at := at + n;
  END LOOP;
  RETURN regions;
END $f$;

-- A word at the end of `s` must not be the tail of a longer ASCII word ("bag" does not end in
-- AG): its first character and the one before it are not both ASCII letters or digits.
CREATE FUNCTION dealsheet.name_key(name text) RETURNS dealsheet.name_key_t
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  l dealsheet.match_lists_t := dealsheet.match_lists();
  key dealsheet.name_key_t := ROW('', '', '', '', '');
  s text;
  w text;
  before text;
  place text;
  rest text;
  legal text := '';
  classes text[] := '{}';
  regions text[] := '{}';
  lead_regions text[] := '{}';
  inside text[];
  region text;
  cut integer;
  n integer;
  at integer;
  search_from integer := 0;
  close_at integer;
  taken boolean;
BEGIN
  -- The core's folding: full width, capitals and brackets mapped, punctuation and spaces
  -- dropped, one space kept between two ASCII words.
  IF name ~ '[\u0041-\u005B\u005D\u007B\u007D\u3010-\u3011\u3014-\u3017\uFF08-\uFF09\uFF10-\uFF19\uFF21-\uFF3B\uFF3D\uFF41-\uFF5B\uFF5D]' THEN  -- translate() is slow on a long list; most names need none
    s := translate(name, E'ABCDEFGHIJKLMNOPQRSTUVWXYZ\u005B\u005D\u007B\u007D\u3010\u3011\u3014\u3015\u3016\u3017\uFF08\uFF09\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF21\uFF22\uFF23\uFF24\uFF25\uFF26\uFF27\uFF28\uFF29\uFF2A\uFF2B\uFF2C\uFF2D\uFF2E\uFF2F\uFF30\uFF31\uFF32\uFF33\uFF34\uFF35\uFF36\uFF37\uFF38\uFF39\uFF3A\uFF3B\uFF3D\uFF41\uFF42\uFF43\uFF44\uFF45\uFF46\uFF47\uFF48\uFF49\uFF4A\uFF4B\uFF4C\uFF4D\uFF4E\uFF4F\uFF50\uFF51\uFF52\uFF53\uFF54\uFF55\uFF56\uFF57\uFF58\uFF59\uFF5A\uFF5B\uFF5D', E'abcdefghijklmnopqrstuvwxyz\u0028\u0029\u0028\u0029\u0028\u0029\u0028\u0029\u0028\u0029\u0028\u00290123456789abcdefghijklmnopqrstuvwxyz\u0028\u0029abcdefghijklmnopqrstuvwxyz\u0028\u0029');
  ELSE
    s := name;
  END IF;
  s := regexp_replace(s, '[\u0001-\u0027\u002A-\u002F\u003A-\u0040\u005C\u005E-\u0060\u007C\u007E-\u007F\u00A0-\u00BF\u00D7\u00F7\u2000-\u206F\u2190-\u2BFF\u3000-\u3006\u3008-\u300F\u3012-\u3013\u3018-\u303F\u30FB\uFE10-\uFE6F\uFEFF-\uFF07\uFF0A-\uFF0F\uFF1A-\uFF20\uFF3C\uFF3E-\uFF40\uFF5C\uFF5E-\uFF65\uFFFD]+', ' ', 'g');
  s := regexp_replace(s, '(?<![a-z0-9]) | (?![a-z0-9])', '', 'g');

  -- The branch: 招商银行股份有限公司深圳分行 -> 深圳分行 (a name that is only a branch word
  -- is no branch).
  n := least(coalesce((l.branch_last ->> right(s, 1))::integer, 0), length(s) - 1);
  WHILE n > 0 AND NOT (l.branch_words ? right(s, n)
                       AND substr(s, length(s) - n, 2) !~ '^[a-z0-9]{2}$') LOOP
    n := n - 1;
  END LOOP;
  IF n > 0 THEN
    w := right(s, n);
    before := btrim(left(s, length(s) - n), ' ');
    -- Where its place starts: after the last legal form of 2+ characters (anywhere), else
    -- after the first run of industry words past a 字号, else at the regions that end it.
    cut := 0;
    FOR e IN REVERSE length(before)..2 LOOP
      n := least(coalesce((l.legal_last ->> substr(before, e, 1))::integer, 0), e);
      WHILE n > 1 AND NOT l.legal_forms ? substr(before, e - n + 1, n) LOOP n := n - 1; END LOOP;
      IF n > 1 THEN cut := e; EXIT; END IF;
    END LOOP;
    IF cut = 0 THEN
      FOR e IN 3..length(before) LOOP  -- a word starting after two characters
        at := e;
        LOOP
          n := least(coalesce((l.industry_first ->> substr(before, at, 1))::integer, 0), length(before) - at + 1);
          WHILE n > 0 AND NOT l.industries ? substr(before, at, n) LOOP n := n - 1; END LOOP;
          EXIT WHEN coalesce(n, 0) = 0;
          at := at + n;
        END LOOP;
        IF at > e THEN cut := at - 1; EXIT; END IF;
      END LOOP;
    END IF;
    IF cut = 0 THEN
      cut := length(before);
      taken := true;
      WHILE taken AND cut > 2 LOOP
        taken := false;
        FOR k IN REVERSE least((SELECT max(length(r)) FROM jsonb_object_keys(l.regions) r), cut - 2)..1 LOOP
          IF dealsheet.region_at(before, cut - k + 1) = k THEN
            cut := cut - k;
            taken := true;
            EXIT;
          END IF;
        END LOOP;
      END LOOP;
    END IF;
    -- The place with its regions by their short names (北京市 -> 北京).
    place := translate(substr(before, cut + 1), ' ()', '');
    at := 1;
    WHILE at <= length(place) LOOP
      n := dealsheet.region_at(place, at);
      IF n = 0 THEN
        key.branch := key.branch || substr(place, at, 1);
        at := at + 1;
      ELSE
        key.branch := key.branch || (l.regions ->> substr(place, at, n));
        at := at + n;
      END IF;
    END LOOP;
    key.branch := key.branch || w;
    s := left(before, cut);
  END IF;

  -- Regions in brackets: 华盛科技（北京）有限公司.
  LOOP
    at := position('(' in substr(s, search_from + 1));
    EXIT WHEN at = 0;
    at := search_from + at;
    close_at := position(')' in substr(s, at));
    EXIT WHEN close_at = 0;
    close_at := at + close_at - 1;
    inside := dealsheet.region_run(translate(substr(s, at + 1, close_at - at - 1), ' ()', ''));
    IF cardinality(inside) = 0 THEN
      search_from := at;
    ELSE
      regions := regions || inside;
      s := left(s, at - 1) || substr(s, close_at + 1);
      search_from := at - 1;
    END IF;
  END LOOP;
  s := btrim(s, ' ');

  -- The legal forms at the end, the longest first, again until none is left.
  LOOP
    n := least(coalesce((l.legal_last ->> right(s, 1))::integer, 0), length(s));
    WHILE n > 0 AND NOT (l.legal_forms ? right(s, n)
                         AND substr(s, length(s) - n, 2) !~ '^[a-z0-9]{2}$') LOOP
      n := n - 1;
    END LOOP;
    EXIT WHEN coalesce(n, 0) = 0;
    legal := right(s, n) || legal;
    s := btrim(left(s, length(s) - n), ' ');
  END LOOP;
  key.legal_form := translate(legal, ' ()', '');

  -- The industry words at the end, while a 字号 of two characters is left; a second word
  -- stays when only a region would remain (中国建设银行 is 中国 + 建设 + 银行).
  LOOP
    n := least(coalesce((l.industry_last ->> right(s, 1))::integer, 0), length(s));
    taken := false;
    WHILE n > 0 LOOP
      w := right(s, n);
      IF l.industries ? w AND substr(s, length(s) - n, 2) !~ '^[a-z0-9]{2}$' THEN
        rest := translate(left(s, length(s) - n), ' ()', '');
        IF length(rest) >= 2
           AND (cardinality(classes) = 0 OR cardinality(dealsheet.region_run(rest)) = 0) THEN
          classes := classes || (l.industries ->> w);
          s := btrim(left(s, length(s) - n), ' ');
          taken := true;
          EXIT;
        END IF;
      END IF;
      n := n - 1;
    END LOOP;
    EXIT WHEN NOT taken;
  END LOOP;
  IF cardinality(classes) = 1 THEN
    key.industry_class := classes[1];
  ELSIF cardinality(classes) > 1 THEN  -- sorted by bytes, as the core's std::set
    key.industry_class := (SELECT string_agg(DISTINCT c COLLATE "C", '+' ORDER BY c COLLATE "C")
                           FROM unnest(classes) AS u(c));
  END IF;

  -- The regions at the start (广东省深圳市华盛), while a 字号 of two characters is left.
  LOOP
    n := least(coalesce((l.region_first ->> left(s, 1))::integer, 0), length(s));
    WHILE n > 0 AND NOT l.regions ? left(s, n) LOOP n := n - 1; END LOOP;
    EXIT WHEN coalesce(n, 0) = 0 OR length(translate(substr(s, n + 1), ' ()', '')) < 2;
    lead_regions := lead_regions || (l.regions ->> left(s, n));
    s := btrim(substr(s, n + 1), ' ');
  END LOOP;
  regions := lead_regions || regions;
  FOREACH region IN ARRAY regions LOOP  -- the most specific one
    IF key.region = '' OR dealsheet.region_within(region, key.region) THEN
      key.region := region;
    END IF;
  END LOOP;

  key.core := translate(s, ' ()', '');
  RETURN key;
END $f$;

-- One company: the same non-empty 字号, compatible industry classes, regions agreeing where
-- both are given, the same branch (core: sameCompany).
CREATE FUNCTION dealsheet.same_company(a dealsheet.name_key_t, b dealsheet.name_key_t)
RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT a.core <> '' AND a.core = b.core
     AND (a.industry_class = '' OR b.industry_class = '' OR a.industry_class = b.industry_class
          OR string_to_array(a.industry_class, '+') @> string_to_array(b.industry_class, '+')
          OR string_to_array(b.industry_class, '+') @> string_to_array(a.industry_class, '+'))
     AND (a.region = '' OR b.region = '' OR dealsheet.region_within(a.region, b.region)
          OR dealsheet.region_within(b.region, a.region))
     AND a.branch = b.branch
$f$;

-- 统一社会信用代码: the code as normaliseCreditCode gives it (spaces removed, full width and
-- lower case folded) when GB 32100-2015's check character agrees, else NULL.
CREATE FUNCTION dealsheet.credit_code_key(code text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
  weights constant integer[] := '{1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28}';
  c text := code;
  total integer := 0;
BEGIN
  IF c !~ '^[0-9A-Z]{18}$' THEN  -- translate() is slow on a long list; most codes need none
    c := translate(c, E'abcdefghijklmnopqrstuvwxyz\uFF01\uFF02\uFF03\uFF04\uFF05\uFF06\uFF07\uFF08\uFF09\uFF0A\uFF0B\uFF0C\uFF0D\uFF0E\uFF0F\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF1A\uFF1B\uFF1C\uFF1D\uFF1E\uFF1F\uFF20\uFF21\uFF22\uFF23\uFF24\uFF25\uFF26\uFF27\uFF28\uFF29\uFF2A\uFF2B\uFF2C\uFF2D\uFF2E\uFF2F\uFF30\uFF31\uFF32\uFF33\uFF34\uFF35\uFF36\uFF37\uFF38\uFF39\uFF3A\uFF3B\uFF3C\uFF3D\uFF3E\uFF3F\uFF40\uFF41\uFF42\uFF43\uFF44\uFF45\uFF46\uFF47\uFF48\uFF49\uFF4A\uFF4B\uFF4C\uFF4D\uFF4E\uFF4F\uFF50\uFF51\uFF52\uFF53\uFF54\uFF55\uFF56\uFF57\uFF58\uFF59\uFF5A\uFF5B\uFF5C\uFF5D\uFF5E\u0009\u000A\u000B\u000C\u000D\u0020\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u3000\uFEFF', E'ABCDEFGHIJKLMNOPQRSTUVWXYZ\u0021\u0022\u0023\u0024\u0025\u0026\u0027\u0028\u0029\u002A\u002B\u002C\u002D\u002E\u002F0123456789\u003A\u003B\u003C\u003D\u003E\u003F\u0040ABCDEFGHIJKLMNOPQRSTUVWXYZ\u005B\u005C\u005D\u005E\u005F\u0060ABCDEFGHIJKLMNOPQRSTUVWXYZ\u007B\u007C\u007D\u007E');
  END IF;
  IF c !~ '^[0-9A-HJ-NP-RTUWXY]{18}$' THEN RETURN NULL; END IF;
  FOR i IN 1..17 LOOP
    total := total + (position(substr(c, i, 1) in alphabet) - 1) * weights[i];
  END LOOP;
  IF substr(alphabet, (31 - total % 31) % 31 + 1, 1) <> right(c, 1) THEN RETURN NULL; END IF;
  RETURN c;
END $f$;

-- validate/contact's table of phone numbers over national digits: mobile, service (400/800),
-- mistyped (a mobile one digit short), landline, local or none.
-- Without a SET clause, so that PostgreSQL inlines it into its callers; it names nothing but
-- pg_catalog's operator, so no search_path can change it.
CREATE FUNCTION dealsheet.phone_digits_kind(digits text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$
  SELECT CASE
    WHEN digits OPERATOR(pg_catalog.~) '^(?=(?:13|14|15|16|17|18|19))(?=[0-9]{11,11}$)' THEN 'mobile'
    WHEN digits OPERATOR(pg_catalog.~) '^(?=(?:400|800))(?=[0-9]{10,10}$)' THEN 'service'
    WHEN digits OPERATOR(pg_catalog.~) '^(?=(?:1))(?=[0-9]{10,10}$)' THEN 'mistyped'
    WHEN digits OPERATOR(pg_catalog.~) '^(?=(?:010|020|021|022|023|024|025|026|027|028|029))(?=[0-9]{11,11}$)[0-9]{3}[2-9]' THEN 'landline'
    WHEN digits OPERATOR(pg_catalog.~) '^(?=(?:03|04|05|06|07|08|09))(?=[0-9]{11,12}$)[0-9]{4}[2-9]' THEN 'landline'
    WHEN digits OPERATOR(pg_catalog.~) '^(?=(?:2|3|4|5|6|7|8|9))(?=[0-9]{7,8}$)' THEN 'local'
    ELSE 'none' END
$f$;

-- One number as typed, +86 / 0086 removed (validate/contact: phoneNumberKind); also
-- 'foreign' for + or 00 and another country code.
CREATE FUNCTION dealsheet.phone_number_kind(number text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  t text := btrim(number, ' ');
  digits text;
  plus boolean;
  international boolean := false;
BEGIN
  -- Digits and - ( ) . spaces, one + before the first digit.
  IF t !~ '^[-(). ]*(?:\+[-(). ]*)?(?:[0-9][-0-9(). ]*)?$' THEN RETURN 'none'; END IF;
  -- A dot only between digit groups (138.0013.8000), never a decimal number's point.
  IF length(t) - length(replace(t, '.', '')) = 1 THEN RETURN 'none'; END IF;
  plus := position('+' in t) > 0;
  digits := regexp_replace(t, '[^0-9]', '', 'g');
  IF plus OR left(digits, 2) = '00' THEN
    IF NOT plus THEN digits := substr(digits, 3); END IF;
    IF left(digits, 2) <> '86' THEN
      RETURN CASE WHEN length(digits) BETWEEN 7 AND 15 THEN 'foreign' ELSE 'none' END;
    END IF;
    digits := substr(digits, 3);
    international := true;
  ELSIF length(digits) = 13 AND left(digits, 2) = '86'
        AND dealsheet.phone_digits_kind(substr(digits, 3)) = 'mobile' THEN
    digits := substr(digits, 3);
  END IF;
  IF international AND digits <> '' AND left(digits, 1) <> '0'
     AND dealsheet.phone_digits_kind(digits) NOT IN ('mobile', 'service') THEN
    digits := '0' || digits;
  END IF;
  RETURN dealsheet.phone_digits_kind(digits);
END $f$;

-- The key of one number as typed (phone_key: phoneKeyOf): its national digits when it is a
-- mobile, an area-code landline or a 400/800 number, else NULL.
CREATE FUNCTION dealsheet.phone_key_of(number text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  digits text := regexp_replace(number, '[^0-9]', '', 'g');
  international boolean := false;
BEGIN
  IF number ~ '[^-0-9 ()+.]' THEN RETURN NULL; END IF;
  IF number ~ '^[^0-9]*\+' THEN
    IF left(digits, 2) <> '86' THEN RETURN NULL; END IF;  -- a foreign number has no key
    digits := substr(digits, 3);
    international := true;
  ELSIF left(digits, 4) = '0086' THEN
    digits := substr(digits, 5);
    international := true;
  ELSIF length(digits) = 13 AND left(digits, 2) = '86'
        AND dealsheet.phone_digits_kind(substr(digits, 3)) = 'mobile' THEN
    digits := substr(digits, 3);
  END IF;
  IF international AND digits <> '' AND left(digits, 1) <> '0'
     AND dealsheet.phone_digits_kind(digits) NOT IN ('mobile', 'service') THEN
    digits := '0' || digits;
  END IF;
  IF dealsheet.phone_digits_kind(digits) IN ('mobile', 'landline', 'service') THEN
    RETURN digits;
  END IF;
  RETURN NULL;
END $f$;

-- "0512-62001234转801" -> "0512-62001234" (validate/contact: withoutExtension); after a dash
-- only when the number before it has `fewest_before_dash` digits and a dash of its own.
CREATE FUNCTION dealsheet.phone_without_extension(part text, fewest_before_dash integer)
RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  stop integer := length(part) - length(substring(part from '[0-9]*$'));
  head text;
  base text;
  marker text;
BEGIN
  IF stop = length(part) OR stop = 0 THEN RETURN part; END IF;
  head := btrim(left(part, stop), ' ');
  FOREACH marker IN ARRAY ARRAY['转', '分机', 'ext.', 'ext', 'x', 'X', '#', '-'] LOOP
    CONTINUE WHEN length(head) <= length(marker) OR right(head, length(marker)) <> marker;
    base := btrim(left(head, length(head) - length(marker)), ' ');
    IF marker = '-' AND (position('-' in base) = 0
        OR length(regexp_replace(base, '[^0-9]', '', 'g')) < fewest_before_dash) THEN
      RETURN part;
    END IF;
    IF dealsheet.phone_number_kind(base) IN ('mobile', 'landline', 'local', 'service', 'foreign') THEN
      RETURN base;
    END IF;
  END LOOP;
  RETURN part;
END $f$;

-- Every phone key of a 联系方式 cell, in the order typed, each once (core: phoneKeys): the
-- cell split as phonePieces splits it, each piece's runs of digits and separators, and in a
-- run its words joined while they make no number yet.
CREATE FUNCTION dealsheet.phone_keys(contact text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  keys text[] := '{}';
  part text;
  piece text;
  run text;
  words text[];
  joined text;
  key text;
  colon integer;
  first_word integer;
  digits integer;
  taken boolean;
BEGIN
  -- Full width folded, separators as line breaks, notes in brackets without a digit dropped.
  IF contact ~ '[\u0009\u000B-\u000D\u002C\u002F\u003B\u00A0\u2000-\u200B\u2012-\u2014\u3000-\u3001\u3010-\u3011\u3014-\u3015\uFEFF\uFF01-\uFF5E]' THEN  -- translate() is slow on a long list
    contact := translate(contact, E'\u0009\u000B\u000C\u000D\u002C\u002F\u003B\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u2012\u2013\u2014\u3000\u3001\u3010\u3011\u3014\u3015\uFEFF\uFF01\uFF02\uFF03\uFF04\uFF05\uFF06\uFF07\uFF08\uFF09\uFF0A\uFF0B\uFF0C\uFF0D\uFF0E\uFF0F\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF1A\uFF1B\uFF1C\uFF1D\uFF1E\uFF1F\uFF20\uFF21\uFF22\uFF23\uFF24\uFF25\uFF26\uFF27\uFF28\uFF29\uFF2A\uFF2B\uFF2C\uFF2D\uFF2E\uFF2F\uFF30\uFF31\uFF32\uFF33\uFF34\uFF35\uFF36\uFF37\uFF38\uFF39\uFF3A\uFF3B\uFF3C\uFF3D\uFF3E\uFF3F\uFF40\uFF41\uFF42\uFF43\uFF44\uFF45\uFF46\uFF47\uFF48\uFF49\uFF4A\uFF4B\uFF4C\uFF4D\uFF4E\uFF4F\uFF50\uFF51\uFF52\uFF53\uFF54\uFF55\uFF56\uFF57\uFF58\uFF59\uFF5A\uFF5B\uFF5C\uFF5D\uFF5E', E'\u0020\u0020\u0020\u000A\u000A\u000A\u000A\u0020\u0020\u0020\u0020\u0020\u0020\u0020\u0020\u0020\u0020\u0020\u0020\u0020\u002D\u002D\u002D\u0020\u000A\u0028\u0029\u0028\u0029\u0020\u0021\u0022\u0023\u0024\u0025\u0026\u0027\u0028\u0029\u002A\u002B\u000A\u002D\u002E\u000A0123456789\u003A\u000A\u003C\u003D\u003E\u003F\u0040ABCDEFGHIJKLMNOPQRSTUVWXYZ\u005B\u005C\u005D\u005E\u005F\u0060abcdefghijklmnopqrstuvwxyz\u007B\u007C\u007D\u007E');
  END IF;
  contact := regexp_replace(contact, '\([^)0-9\n]*\)', '', 'g');
  FOREACH part IN ARRAY string_to_array(contact, E'\n') LOOP
    piece := btrim(part, ' ');
    colon := position(':' in piece);  -- 手机：138…: a label without digits or @
    IF colon > 0 AND colon < length(piece) AND left(piece, colon - 1) !~ '[0-9@]'
       AND octet_length(left(piece, colon - 1)) <= 24 THEN
      piece := substr(piece, colon + 1);
    END IF;
    -- 10 digits: a landline with its area code (0512-62001234-801) before a dashed extension.
    piece := btrim(dealsheet.phone_without_extension(btrim(piece, ' '), 10), ' ');
    CONTINUE WHEN piece !~ '[0-9]';
    -- Runs of digits and separators, each from its first digit, + or ( (a name, 转 or x
    -- ends one); split without a query, which would cost more than the rest.
    FOREACH run IN ARRAY string_to_array(regexp_replace(piece, '[^-0-9 ()+.]+', E'\n', 'g'), E'\n') LOOP
      run := btrim(ltrim(run, ' -).'), ' ');
      CONTINUE WHEN run = '';
      words := regexp_split_to_array(run, ' +');
      first_word := 1;
      WHILE first_word <= cardinality(words) LOOP
        joined := '';
        digits := 0;
        taken := false;
        FOR last_word IN first_word..cardinality(words) LOOP
          joined := joined || words[last_word];
          digits := digits + length(regexp_replace(words[last_word], '[^0-9]', '', 'g'));
          EXIT WHEN digits > 15;  -- 0086 and an area-code landline
          key := dealsheet.phone_key_of(joined);
          IF key IS NOT NULL THEN
            IF NOT key = ANY (keys) THEN keys := keys || key; END IF;
            first_word := last_word + 1;
            taken := true;
            EXIT;
          END IF;
        END LOOP;
        IF NOT taken THEN first_word := first_word + 1; END IF;
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN keys;
END $f$;

-- The mobiles (11 digits) and the landlines (area code and number, or 400/800) of a cell.
CREATE FUNCTION dealsheet.mobile_keys(contact text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT coalesce(array_agg(k ORDER BY i), '{}') FROM unnest(dealsheet.phone_keys(contact))
    WITH ORDINALITY AS u(k, i) WHERE dealsheet.phone_digits_kind(k) = 'mobile'
$f$;
CREATE FUNCTION dealsheet.landline_keys(contact text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT coalesce(array_agg(k ORDER BY i), '{}') FROM unnest(dealsheet.phone_keys(contact))
    WITH ORDINALITY AS u(k, i) WHERE dealsheet.phone_digits_kind(k) <> 'mobile'
$f$;

DO $$ BEGIN PERFORM dealsheet.compile_match_lists(); END $$;
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_legal_forms FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_branch_words FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_regions FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_region_parents FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();
CREATE TRIGGER t10_compile AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON dealsheet.match_industry_words FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.compile_match_lists_trigger();

-- The key functions run as whoever calls them, so a lead's or a member's push (a trigger of
-- theirs) may compute keys; they are pure functions of their arguments and reveal only the
-- word lists, which are no secret. The tables and compile_match_lists stay the owner's.
REVOKE EXECUTE ON FUNCTION dealsheet.compile_match_lists(),
  dealsheet.compile_match_lists_trigger(), dealsheet.match_lists(), dealsheet.region_within(text, text),
  dealsheet.region_at(text, integer), dealsheet.region_run(text), dealsheet.name_key(text),
  dealsheet.same_company(dealsheet.name_key_t, dealsheet.name_key_t),
  dealsheet.credit_code_key(text), dealsheet.phone_digits_kind(text),
  dealsheet.phone_number_kind(text), dealsheet.phone_key_of(text),
  dealsheet.phone_without_extension(text, integer), dealsheet.phone_keys(text),
  dealsheet.mobile_keys(text), dealsheet.landline_keys(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dealsheet.match_lists(), dealsheet.region_within(text, text),
  dealsheet.region_at(text, integer), dealsheet.region_run(text), dealsheet.name_key(text),
  dealsheet.same_company(dealsheet.name_key_t, dealsheet.name_key_t),
  dealsheet.credit_code_key(text), dealsheet.phone_digits_kind(text),
  dealsheet.phone_number_kind(text), dealsheet.phone_key_of(text),
  dealsheet.phone_without_extension(text, integer), dealsheet.phone_keys(text),
  dealsheet.mobile_keys(text), dealsheet.landline_keys(text) TO lead, member;

-- ---- One customer, one owner (SPEC section 12) -------------------------------------------
-- The rules a lead sets (Settings 保护期天数, 每日领取上限, 回收冷却天数, sent by a lead's sync,
-- or dealsheet.set_ownership_rules), and when the pool release last ran.
CREATE TABLE dealsheet.ownership_rules (
  single boolean PRIMARY KEY DEFAULT true CHECK (single),
  protection_days integer NOT NULL DEFAULT 30 CHECK (protection_days BETWEEN 1 AND 3650),
  daily_claim_limit integer NOT NULL DEFAULT 10 CHECK (daily_claim_limit BETWEEN 0 AND 100000),
  reclaim_cooldown_days integer NOT NULL DEFAULT 7
    CHECK (reclaim_cooldown_days BETWEEN 0 AND 3650),
  last_release timestamptz
);
COMMENT ON TABLE dealsheet.ownership_rules IS '报备规则 / Ownership rules';
INSERT INTO dealsheet.ownership_rules DEFAULT VALUES;
GRANT SELECT ON dealsheet.ownership_rules TO lead, member, viewer;

-- The server's own keys of every customer, computed from the row as written (never taken from
-- a client), and who owns it since when, in server time. Nobody but the register's owner reads
-- it: a member learns of another's customer only what claim_refusal says.
CREATE TABLE dealsheet.customer_keys (
  row_id bigint PRIMARY KEY REFERENCES dealsheet.customers (row_id),
  owner_name text NOT NULL DEFAULT '',  -- '' in the pool (公海)
  name_key dealsheet.name_key_t,
  name_core text NOT NULL DEFAULT '',   -- the 字号, indexed
  phones text[] NOT NULL DEFAULT '{}',
  credit_code text,                     -- a valid 统一社会信用代码 only
  merged boolean NOT NULL DEFAULT false,  -- marked 已合并 in 备注: no longer a customer of its own
  claimed_at timestamptz NOT NULL DEFAULT now(),
  claimed_by text,
  former_owner text,
  released_at timestamptz
);
COMMENT ON TABLE dealsheet.customer_keys IS '客户查重键与报备 / Customer match keys and claims';
CREATE INDEX customer_keys_core ON dealsheet.customer_keys (name_core);
-- No pending list: a push searches the keys it has just written, and a pending list is read
-- through on every search (a push of 10,000 customers took seconds).
CREATE INDEX customer_keys_phones ON dealsheet.customer_keys USING gin (phones)
  WITH (fastupdate = off);
CREATE INDEX customer_keys_credit ON dealsheet.customer_keys (credit_code);
CREATE INDEX customer_keys_claimed ON dealsheet.customer_keys (claimed_at) WHERE owner_name <> '';

-- Claims from the pool, for the daily limit.
CREATE TABLE dealsheet.claim_log (
  login text NOT NULL,
  owner_name text NOT NULL,
  row_id bigint NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_log_login ON dealsheet.claim_log (login, claimed_at);

-- What a sync tells its login: a possible duplicate of its push, a customer of theirs released
-- to the pool. Delivered once (take_notices).
CREATE TABLE dealsheet.notices (
  id bigserial PRIMARY KEY,
  login text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('possible_duplicate', 'released')),
  row_id bigint NOT NULL,
  other_owner text,
  since timestamptz,
  until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered boolean NOT NULL DEFAULT false
);
CREATE INDEX notices_pending ON dealsheet.notices (login) WHERE NOT delivered;

-- The keys of a customer row: the name key, the phone keys of 联系方式, a valid credit code, and
-- whether a merge marked it (its keys then match nothing).
CREATE FUNCTION dealsheet.keys_of(name text, contact text, code text, notes text,
  OUT name_key dealsheet.name_key_t, OUT phones text[], OUT credit_code text, OUT merged boolean)
LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT dealsheet.name_key(left(coalesce(name, ''), 200)),  -- its time grows with length²
         ARRAY(SELECT DISTINCT p FROM unnest(dealsheet.phone_keys(coalesce(contact, ''))) p
               ORDER BY 1),
         dealsheet.credit_code_key(code),
         strpos(coalesce(notes, ''), '已合并 → ') > 0 OR strpos(coalesce(notes, ''), 'merged → ') > 0
$f$;

-- A day as the messages show it; a signed customer's protection has no end.
CREATE FUNCTION dealsheet.day_text(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $f$
  SELECT CASE WHEN t IS NULL THEN '' WHEN NOT isfinite(t) THEN 'signed'
              ELSE to_char(t, 'YYYY-MM-DD') END
$f$;

-- When a customer's protection ends: its claim or its last follow-up (a negotiation, action or
-- key point written on the server, by the server's clock) plus the protection days; never while
-- it has a signed contract.
CREATE FUNCTION dealsheet.protection_end(customer bigint) RETURNS timestamptz LANGUAGE sql STABLE
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT CASE WHEN EXISTS (SELECT FROM dealsheet.approvals a WHERE a.customer_no = c.customer_no AND btrim(coalesce(a.signed_on, ''), E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF') <> '') THEN 'infinity'::timestamptz
              ELSE greatest(k.claimed_at,
                            (SELECT max(f.updated_at) FROM dealsheet.negotiations f WHERE f.customer_no = c.customer_no),
                            (SELECT max(f.updated_at) FROM dealsheet.actions f WHERE f.customer_no = c.customer_no),
                            (SELECT max(f.updated_at) FROM dealsheet.key_points f WHERE f.customer_no = c.customer_no))
                   + make_interval(days => (SELECT protection_days FROM dealsheet.ownership_rules))
         END
    FROM dealsheet.customer_keys k JOIN dealsheet.customers c ON c.row_id = k.row_id
   WHERE k.row_id = customer
$f$;

-- The statement's customers (ids) against everyone's, after waiting for any push of the same
-- keys to end (advisory locks on the keys, in one order): a certain match (the same credit code,
-- a phone, or the same company by name key; two different valid credit codes are never one
-- company) refuses the statement, naming only the owner and the dates; a possible one (the same
-- 字号, another company by its key) leaves a notice. A row of the statement matches only those
-- before it.
CREATE FUNCTION dealsheet.check_claims(ids bigint[]) RETURNS void LANGUAGE plpgsql
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  hit record;
  keys bigint[];
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  SELECT array_agg(DISTINCT hashtextextended(x, 1207) ORDER BY hashtextextended(x, 1207))
    INTO keys
    FROM dealsheet.customer_keys k,
         unnest(k.phones || ARRAY['n' || k.name_core, 'c' || coalesce(k.credit_code, '')]) x
   WHERE k.row_id = ANY (ids) AND NOT k.merged AND x NOT IN ('n', 'c');
  -- A lock per key for a small push; a large one (a lead's first push of the register) takes
  -- the one lock every small push shares instead: the server's lock table holds a few
  -- thousand locks in all.
  IF cardinality(keys) > 64 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('dealsheet-claims', 1207));
  ELSIF cardinality(keys) > 0 THEN
    PERFORM pg_advisory_xact_lock_shared(hashtextextended('dealsheet-claims', 1207));
    PERFORM pg_advisory_xact_lock(k) FROM unnest(keys) k;
  END IF;
  FOR hit IN
    SELECT w.row_id, m.other, m.owner_name, m.claimed_at, m.former_owner, m.released_at, m.certain
      FROM dealsheet.customer_keys w
      CROSS JOIN LATERAL (
        SELECT k.row_id AS other, k.owner_name, k.claimed_at, k.former_owner, k.released_at,
               (w.credit_code IS NOT NULL AND k.credit_code = w.credit_code)
               OR k.phones && w.phones
               OR dealsheet.same_company(k.name_key, w.name_key) AS certain
          FROM dealsheet.customer_keys k
         WHERE k.row_id <> w.row_id AND NOT k.merged
           AND (k.row_id <> ALL (ids) OR k.row_id < w.row_id)
           AND (k.credit_code = w.credit_code OR k.phones && w.phones
                OR (w.name_core <> '' AND k.name_core = w.name_core))
           AND NOT (k.credit_code IS NOT NULL AND w.credit_code IS NOT NULL
                    AND k.credit_code <> w.credit_code)
         ORDER BY 6 DESC, k.claimed_at, k.row_id
         LIMIT 1) m
     WHERE w.row_id = ANY (ids) AND NOT w.merged
     ORDER BY m.certain DESC, w.row_id
  LOOP
    IF hit.certain AND hit.owner_name = '' THEN
      RAISE EXCEPTION 'dealsheet-claimed-pool:customer_name|%|%',
        coalesce(hit.former_owner, ''), dealsheet.day_text(hit.released_at)
        USING ERRCODE = 'unique_violation';
    ELSIF hit.certain THEN
      RAISE EXCEPTION 'dealsheet-claimed:customer_name|%|%|%', hit.owner_name,
        dealsheet.day_text(hit.claimed_at), dealsheet.day_text(dealsheet.protection_end(hit.other))
        USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO dealsheet.notices (login, kind, row_id, other_owner, since, until)
      VALUES (session_user, 'possible_duplicate', hit.row_id, hit.owner_name, hit.claimed_at,
              dealsheet.protection_end(hit.other));
  END LOOP;
END $f$;

-- New customers: their keys, their claim (the owner since now), and the check against the team.
CREATE FUNCTION dealsheet.claim_inserted() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
BEGIN
  INSERT INTO dealsheet.customer_keys AS c
         (row_id, owner_name, name_key, name_core, phones, credit_code, merged, claimed_by)
  SELECT w.row_id, coalesce(btrim(w.owner, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), ''), k.name_key,
         coalesce((k.name_key).core, ''), k.phones, k.credit_code, k.merged, session_user
    FROM written w
    CROSS JOIN LATERAL dealsheet.keys_of(w.customer_name, w.phone_email, w.credit_code, w.notes) k;
  PERFORM dealsheet.check_claims(ARRAY(SELECT row_id FROM written ORDER BY row_id));
  RETURN NULL;
END $f$;
CREATE TRIGGER t40_claim_insert AFTER INSERT ON dealsheet.customers
  REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.claim_inserted();

-- Changed customers: new keys where the name, 联系方式, credit code or 备注 changed (checked as
-- new ones are), and every change of 负责人: into the pool (the former owner is told), out of it
-- (a member's claim: the daily limit and the former owner's cooldown, whatever client writes),
-- or from one owner to another (a lead's hand-over: the new owner's claim starts now).
CREATE FUNCTION dealsheet.claim_updated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  changed bigint[];
  moved bigint[];      -- the rows whose 负责人 changed, from whom, to whom
  moved_from text[];
  moved_to text[];
  r record;
  rules dealsheet.ownership_rules;
  me text := session_user;
  taken integer;
  by_lead boolean := pg_has_role(session_user, 'lead', 'MEMBER')
    OR pg_has_role(session_user, (SELECT nspowner FROM pg_namespace WHERE nspname = 'dealsheet'),
                   'MEMBER');
BEGIN
  SELECT * INTO rules FROM dealsheet.ownership_rules;
  WITH fresh AS (
    SELECT n.row_id, k.*
      FROM written n JOIN previous o ON o.row_id = n.row_id
      CROSS JOIN LATERAL dealsheet.keys_of(n.customer_name, n.phone_email, n.credit_code, n.notes) k
     WHERE (n.customer_name, n.phone_email, n.credit_code, n.notes)
           IS DISTINCT FROM (o.customer_name, o.phone_email, o.credit_code, o.notes)),
  renewed AS (
    UPDATE dealsheet.customer_keys c
       SET name_key = f.name_key, name_core = coalesce((f.name_key).core, ''), phones = f.phones,
           credit_code = f.credit_code, merged = f.merged
      FROM fresh f WHERE c.row_id = f.row_id
    RETURNING c.row_id, c.merged)
  SELECT coalesce(array_agg(row_id ORDER BY row_id) FILTER (WHERE NOT merged), '{}')
    INTO changed FROM renewed;

  SELECT coalesce(array_agg(n.row_id), '{}'), coalesce(array_agg(coalesce(btrim(o.owner, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), '')), '{}'),
         coalesce(array_agg(coalesce(btrim(n.owner, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), '')), '{}')
    INTO moved, moved_from, moved_to
    FROM written n JOIN previous o ON o.row_id = n.row_id
   WHERE coalesce(btrim(o.owner, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), '') <> coalesce(btrim(n.owner, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), '');
  -- Into the pool (a release, or a lead's doing): the former owner is told. In bulk: a release
  -- pass may empty thousands of claims.
  UPDATE dealsheet.customer_keys k SET owner_name = '', former_owner = x.before, released_at = now()
    FROM unnest(moved, moved_from, moved_to) AS x(row_id, before, after)
   WHERE k.row_id = x.row_id AND x.after = '';
  INSERT INTO dealsheet.notices (login, kind, row_id, other_owner, since)
    SELECT s.login, 'released', x.row_id, x.before, now()
      FROM unnest(moved, moved_from, moved_to) AS x(row_id, before, after)
      JOIN dealsheet.salespeople s ON btrim(s.owner_name) = x.before
     WHERE x.after = '';
  -- Out of the pool by a member: one claim at a time, against the limit and the cooldown.
  IF NOT by_lead THEN
    FOR r IN SELECT * FROM unnest(moved, moved_from, moved_to) AS x(row_id, before, after)
              WHERE x.before = '' AND x.after <> '' ORDER BY x.row_id
    LOOP
      IF EXISTS (SELECT FROM dealsheet.customer_keys k
                  WHERE k.row_id = r.row_id AND k.former_owner = r.after
                    AND k.released_at > now() - make_interval(days => rules.reclaim_cooldown_days))
      THEN
        RAISE EXCEPTION 'dealsheet-claim-cooldown:owner (released % days ago or less)',
          rules.reclaim_cooldown_days USING ERRCODE = 'insufficient_privilege';
      END IF;
      SELECT count(*) INTO taken FROM dealsheet.claim_log
       WHERE login = me AND claimed_at >= date_trunc('day', now());
      IF taken >= rules.daily_claim_limit THEN
        RAISE EXCEPTION 'dealsheet-claim-limit:owner (% a day)', rules.daily_claim_limit
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      INSERT INTO dealsheet.claim_log (login, owner_name, row_id) VALUES (me, r.after, r.row_id);
    END LOOP;
  END IF;
  -- A new owner's claim starts now (a claim from the pool, a lead's hand-over).
  UPDATE dealsheet.customer_keys k SET owner_name = x.after, claimed_at = now(), claimed_by = me
    FROM unnest(moved, moved_from, moved_to) AS x(row_id, before, after)
   WHERE k.row_id = x.row_id AND x.after <> '';
  PERFORM dealsheet.check_claims(changed);
  RETURN NULL;
END $f$;
CREATE TRIGGER t40_claim_update AFTER UPDATE ON dealsheet.customers
  REFERENCING OLD TABLE AS previous NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION dealsheet.claim_updated();

-- The pool release: every owned customer whose protection has ended (protection_end) goes to
-- the pool, its owner cleared; the former owner's next sync is told. Runs as the register's
-- owner, by the server's clock. An administrator may schedule it (cron: psql -c 'SELECT
-- dealsheet.release_unfollowed()'); syncs run it through release_due.
CREATE FUNCTION dealsheet.release_unfollowed() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
DECLARE
  days integer;
  released integer;
BEGIN
  UPDATE dealsheet.ownership_rules SET last_release = now() RETURNING protection_days INTO days;
  -- protection_end(k) < now(), for the whole register at once: claimed before the protection
  -- time, no follow-up written within it, no signed contract (one pass over each table, not
  -- three lookups per customer).
  WITH since AS (SELECT now() - make_interval(days => days) AS t),
  followed AS (SELECT customer_no FROM dealsheet.negotiations WHERE updated_at >= (SELECT t FROM since)
                UNION ALL SELECT customer_no FROM dealsheet.actions WHERE updated_at >= (SELECT t FROM since)
                UNION ALL SELECT customer_no FROM dealsheet.key_points WHERE updated_at >= (SELECT t FROM since)),
  due AS (
    SELECT k.row_id FROM dealsheet.customer_keys k
      JOIN dealsheet.customers c ON c.row_id = k.row_id
     WHERE k.owner_name <> '' AND k.claimed_at < (SELECT t FROM since)
       AND NOT EXISTS (SELECT FROM followed f WHERE f.customer_no = c.customer_no)
       AND NOT EXISTS (SELECT FROM dealsheet.approvals a WHERE a.customer_no = c.customer_no AND btrim(coalesce(a.signed_on, ''), E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF') <> ''))
  UPDATE dealsheet.customers c SET owner = NULL FROM due WHERE c.row_id = due.row_id;
  GET DIAGNOSTICS released = ROW_COUNT;
  RETURN released;
END $f$;

-- What a sync calls first: the release, when it has not run for an hour (server time) and no
-- other sync is running it. Returns how many customers went to the pool.
CREATE FUNCTION dealsheet.release_due() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtextextended('dealsheet-release', 1207)) THEN
    RETURN 0;
  END IF;
  IF (SELECT last_release FROM dealsheet.ownership_rules) > now() - interval '1 hour' THEN
    RETURN 0;
  END IF;
  RETURN dealsheet.release_unfollowed();
END $f$;

-- The login's notices, once.
CREATE FUNCTION dealsheet.take_notices()
RETURNS TABLE (kind text, row_id bigint, other_owner text, since text, until text)
LANGUAGE sql SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  UPDATE dealsheet.notices n SET delivered = true
   WHERE n.login = session_user::text AND NOT n.delivered
  RETURNING n.kind, n.row_id, n.other_owner, dealsheet.day_text(n.since), dealsheet.day_text(n.until)
$f$;

-- The login's own customers: since when they own each, and until when it is protected (the
-- Customer panel shows it).
CREATE FUNCTION dealsheet.my_protection()
RETURNS TABLE (customer_no text, since text, until text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  SELECT btrim(c.customer_no, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), dealsheet.day_text(k.claimed_at),
         dealsheet.day_text(dealsheet.protection_end(k.row_id))
    FROM dealsheet.customer_keys k JOIN dealsheet.customers c ON c.row_id = k.row_id
   WHERE k.owner_name <> '' AND coalesce(btrim(c.customer_no, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), '') <> ''
     AND k.owner_name = (SELECT btrim(owner_name) FROM dealsheet.salespeople
                          WHERE login = session_user::text)
$f$;

-- A lead sets the rules (a lead's sync does, from the lead's Settings sheet).
CREATE FUNCTION dealsheet.set_ownership_rules(protection_days integer, daily_claim_limit integer,
                                              reclaim_cooldown_days integer) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = dealsheet, pg_catalog, pg_temp AS $f$
  UPDATE dealsheet.ownership_rules r
     SET protection_days = coalesce(set_ownership_rules.protection_days, r.protection_days),
         daily_claim_limit = coalesce(set_ownership_rules.daily_claim_limit, r.daily_claim_limit),
         reclaim_cooldown_days = coalesce(set_ownership_rules.reclaim_cooldown_days,
                                          r.reclaim_cooldown_days)
  RETURNING 1
$f$;

-- The customers the register already holds (an upgrade): owned since the first version with
-- their present owner.
INSERT INTO dealsheet.customer_keys
       (row_id, owner_name, name_key, name_core, phones, credit_code, merged, claimed_at, claimed_by)
SELECT c.row_id, coalesce(btrim(c.owner, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), ''), k.name_key,
       coalesce((k.name_key).core, ''), k.phones, k.credit_code, k.merged,
       coalesce((SELECT min(h.updated_at) FROM dealsheet.customers_history h
                  WHERE h.row_id = c.row_id AND h.owner IS NOT DISTINCT FROM c.owner),
                c.updated_at),
       c.updated_by
  FROM dealsheet.customers c
  CROSS JOIN LATERAL dealsheet.keys_of(c.customer_name, c.phone_email, c.credit_code, c.notes) k;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA dealsheet FROM PUBLIC;
-- Every sync calls these two (a viewer's too: they reveal nothing and write as the owner).
GRANT EXECUTE ON FUNCTION dealsheet.release_due() TO lead, member, viewer;
GRANT EXECUTE ON FUNCTION dealsheet.take_notices() TO lead, member, viewer;
GRANT EXECUTE ON FUNCTION dealsheet.my_protection() TO lead, member, viewer;
GRANT EXECUTE ON FUNCTION dealsheet.set_ownership_rules(integer, integer, integer) TO lead;
DROP POLICY member_own ON dealsheet.customers;
CREATE POLICY member_own ON dealsheet.customers TO member
  USING (btrim(owner) = (SELECT dealsheet.my_owner_name())
         OR coalesce(btrim(owner, E' \t\n\u000B\f\r\u00A0\u200B\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u3000\uFEFF'), '') = '')
  WITH CHECK (btrim(owner) = (SELECT dealsheet.my_owner_name()));
UPDATE dealsheet.meta SET value = '5' WHERE name = 'schema_version';
COMMIT;
