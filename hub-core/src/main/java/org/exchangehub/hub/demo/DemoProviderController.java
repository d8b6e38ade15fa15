package org.exchangehub.hub.demo;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A fictional department system for the demo: the market regulator's licence service (市场监管局企业登记系统), which the
 * gateway calls as connector {@code demo-market-licence} (demo/hub-demo.yml). It lives in the hub only so that the demo
 * needs no other process; it exists only while {@code hub.demo.enabled} (DemoConfiguration), and is not part of the hub's
 * API. It answers like a self-built REST service: the licence by credit code, with the legal representative's full ID
 * number, which the gateway masks for consumers.
 */
@RestController
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(prefix = "hub.demo", name = "enabled", havingValue = "true")
@RequestMapping(DemoProviderController.BASE)
class DemoProviderController {

    static final String BASE = "/demo/providers/market";

    @GetMapping("/licences/{creditCode}")
    ResponseEntity<Map<String, Object>> licence(@PathVariable String creditCode) {
        return DemoCompanies.byCreditCode(creditCode)
                .map(c -> ResponseEntity.ok(c.licence()))
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("code", "404", "message", "未找到该统一社会信用代码的登记信息")));
    }

    /** The register's companies by credit code and name, so a newcomer has codes to call the gateway with. */
    @GetMapping("/licences")
    java.util.List<Map<String, String>> companies() {
        return DemoCompanies.all().stream().map(c -> Map.of("tyshxydm", c.creditCode(), "qymc", c.name())).toList();
    }

    /** What the connector's health probe asks. */
    @GetMapping("/health")
    Map<String, Object> health() {
        return Map.of("status", "UP", "system", "酒泉市市场监督管理局企业登记系统（演示）");
    }
}
