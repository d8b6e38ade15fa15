package org.exchangehub.hub.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The companies the demo market regulator's licence service knows (DemoProviderController): the same every start
 * (a fixed random seed), so calls made yesterday still find them today.
 */
final class DemoCompanies {

    private DemoCompanies() {
    }

    /** A well-formed credit code the register does not hold: the provider answers 404. */
    static final String UNKNOWN_CREDIT_CODE = "91620900MA7AAAAAA1";

    record Company(String creditCode, String name, String legalRepresentative, String legalRepresentativeId, String address,
                   LocalDate established, String status) {

        Map<String, Object> licence() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tyshxydm", creditCode);
            m.put("qymc", name);
            m.put("fddbr", legalRepresentative);
            m.put("fddbrsfzh", legalRepresentativeId);
            m.put("zs", address);
            m.put("clrq", established.toString());
            m.put("djzt", status);
            return m;
        }
    }

    private static final List<Company> COMPANIES = build();

    private static List<Company> build() {
        Random random = new Random(620900);
        List<Company> list = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (list.size() < 12) {
            String name = DemoPeople.companyName(random);
            if (names.contains(name)) {
                continue;
            }
            names.add(name);
            list.add(new Company(DemoPeople.companyCreditCode(random), name, DemoPeople.personName(random),
                    DemoPeople.residentId(random), DemoPeople.address(random),
                    LocalDate.of(2008, 1, 1).plusDays(random.nextInt(6000)), random.nextInt(10) == 0 ? "吊销" : "存续"));
        }
        return List.copyOf(list);
    }

    static List<Company> all() {
        return COMPANIES;
    }

    static List<String> creditCodes() {
        return COMPANIES.stream().map(Company::creditCode).toList();
    }

    static java.util.Optional<Company> byCreditCode(String creditCode) {
        return COMPANIES.stream().filter(c -> c.creditCode().equalsIgnoreCase(creditCode)).findFirst();
    }
}
