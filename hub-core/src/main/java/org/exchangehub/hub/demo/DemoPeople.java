package org.exchangehub.hub.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;
import org.exchangehub.catalog.code.ResidentIdNumber;
import org.exchangehub.catalog.code.UnifiedSocialCreditCode;

/** Made-up people and companies of the demo city, with ID numbers and credit codes whose check characters are right. */
final class DemoPeople {

    private DemoPeople() {
    }

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍建华红梅鑫波斌宇浩凯欣怡子涵梓萱晨阳佳琪海燕志强永刚文博雪梅晓东国庆春花建国丽娟";
    /** Jiuquan's districts and counties (GB/T 2260): 肃州区, 金塔县, 瓜州县, 肃北县, 阿克塞县, 玉门市, 敦煌市. */
    private static final List<String> COUNTIES = List.of("620902", "620921", "620922", "620923", "620924", "620981", "620982");
    private static final List<String> TRADES = List.of("商贸", "农业科技", "餐饮管理", "建筑工程", "物流", "新能源科技", "文化旅游",
            "食品", "装饰工程", "种业");
    private static final List<String> PLACES = List.of("肃州区", "敦煌", "玉门", "金塔", "瓜州", "飞天", "祁连", "阳关", "鸣沙", "嘉峪");
    private static final List<String> STREETS = List.of("肃州区南大街", "肃州区西大街", "肃州区富康路", "敦煌市阳关中路",
            "玉门市新市区", "金塔县航天路", "瓜州县渊泉路");

    static String personName(RandomGenerator random) {
        String surname = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int length = random.nextInt(3) == 0 ? 1 : 2;
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < length; i++) {
            given.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return surname + given;
    }

    /** A valid resident ID number of someone born in Jiuquan between 1955 and 2005. */
    static String residentId(RandomGenerator random) {
        LocalDate born = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(50 * 365));
        String first17 = COUNTIES.get(random.nextInt(COUNTIES.size())) + born.toString().replace("-", "")
                + String.format("%03d", random.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacterFor(first17);
    }

    /** The same ID number with a wrong check character: the fault a window clerk's typo makes. */
    static String withWrongCheckCharacter(String id) {
        char right = id.charAt(17);
        char wrong = right == '0' ? '1' : right == 'X' ? '2' : (char) (right == '9' ? 'X' : right + 1);
        return id.substring(0, 17) + wrong;
    }

    /** A valid unified social credit code of a company (9 1 …) registered in Jiuquan. */
    static String companyCreditCode(RandomGenerator random) {
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        StringBuilder s = new StringBuilder("91620900MA");
        for (int i = 0; i < 7; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString() + UnifiedSocialCreditCode.checkCharacterFor(s.toString());
    }

    static String companyName(RandomGenerator random) {
        return "酒泉市" + PLACES.get(random.nextInt(PLACES.size())) + TRADES.get(random.nextInt(TRADES.size())) + "有限公司";
    }

    static String address(RandomGenerator random) {
        return "甘肃省酒泉市" + STREETS.get(random.nextInt(STREETS.size())) + (random.nextInt(300) + 1) + "号";
    }
}
