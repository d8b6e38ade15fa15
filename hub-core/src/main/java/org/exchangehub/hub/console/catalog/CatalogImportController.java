package org.exchangehub.hub.console.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.FieldProblem;
import org.exchangehub.catalog.ImportReport;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.Role;
import org.exchangehub.catalog.importing.EntryImportService;
import org.exchangehub.catalog.tabular.TabularFormatException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import of entries from an XLSX or CSV file, answered with the row-by-row report: which rows became which
 * draft entries, and every reason a refused row was refused. A file the hub cannot read at all is refused beside the
 * file input.
 */
@Controller
public class CatalogImportController {

    /** The import's columns by their Chinese headers (the compiling guide's), with one example row. */
    static final String TEMPLATE = "资源分类,分类代码,资源名称,资源摘要,资源格式,共享类型,共享条件,不予共享依据,共享方式,开放类型,开放条件,更新周期,信息项,关联事项编码,关联资源代码\r\n"
            + "部门,3-01-02,企业登记信息,企业设立、变更和注销登记信息,数据库,无条件共享,,,接口共享,不予开放,,每日,"
            + "统一社会信用代码|STRING|18;企业名称|STRING|200;法定代表人身份证号|STRING|18|是,,\r\n";

    private final EntryImportService imports;
    private final MessageSource messages;

    public CatalogImportController(EntryImportService imports, MessageSource messages) {
        this.messages = messages;
        this.imports = imports;
    }

    @GetMapping("/console/catalog/import")
    String form(Actor actor, Model model) {
        requireEditor(actor);
        model.addAttribute("problems", List.of());
        return "console/catalog/import";
    }

    @PostMapping("/console/catalog/import")
    String upload(Actor actor, @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        requireEditor(actor);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new FieldProblem("file", "choose an XLSX or CSV file")));
            return "console/catalog/import";
        }
        try {
            ImportReport report = imports.importEntries(actor, file.getOriginalFilename(), file.getInputStream());
            model.addAttribute("report", ProblemMessages.localize(report, messages, LocaleContextHolder.getLocale()));
            model.addAttribute("fileName", file.getOriginalFilename());
            model.addAttribute("problems", List.of());
        } catch (RegistryException e) {
            if (e.fieldProblems().isEmpty()) {
                throw e;
            }
            model.addAttribute("problems", ProblemMessages.localize(e.fieldProblems(), messages, LocaleContextHolder.getLocale()));
        } catch (TabularFormatException e) {
            model.addAttribute("problems", List.of(new FieldProblem("file", e.getMessage())));
        }
        return "console/catalog/import";
    }

    /** A CSV with the import's columns and one example row, UTF-8 with a byte order mark so that Excel reads the Chinese. */
    @GetMapping("/console/catalog/import/template.csv")
    ResponseEntity<byte[]> template() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = TEMPLATE.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("目录导入模板.csv", StandardCharsets.UTF_8).build().toString())
                .body(all);
    }

    private static void requireEditor(Actor actor) {
        if (!actor.has(Role.DEPT_EDITOR) && !actor.isAdmin()) {
            throw RegistryException.forbidden("Only department editors and admins import entries");
        }
    }
}
