package org.exchangehub.hub.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.exchangehub.catalog.Actor;
import org.exchangehub.catalog.ImportReport;
import org.exchangehub.catalog.RegistryException;
import org.exchangehub.catalog.department.Department;
import org.exchangehub.catalog.department.DepartmentService;
import org.exchangehub.catalog.importing.ReferenceImportService;
import org.exchangehub.catalog.item.ServiceItem;
import org.exchangehub.catalog.item.ServiceItemService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Departments and service items: the reference data coverage is measured against. */
@RestController
@RequestMapping("/api")
@Tag(name = "Reference data", description = "Departments and government service items (政务服务事项)")
public class ReferenceDataController {

    private final DepartmentService departments;
    private final ServiceItemService items;
    private final ReferenceImportService imports;

    public ReferenceDataController(DepartmentService departments, ServiceItemService items, ReferenceImportService imports) {
        this.departments = departments;
        this.items = items;
        this.imports = imports;
    }

    @GetMapping("/departments")
    public List<Department> departments(Actor actor) {
        return departments.list();
    }

    @GetMapping("/departments/{code}")
    public Department department(Actor actor, @PathVariable String code) {
        return departments.get(code);
    }

    @PutMapping("/departments/{code}")
    @Operation(summary = "Admin: create or update a department")
    public Department saveDepartment(Actor actor, @PathVariable String code, @RequestBody Department body) {
        requireAdmin(actor);
        Department d = new Department(code, body.name(), body.regionCode());
        departments.save(d);
        return d;
    }

    @PostMapping(value = "/departments/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Admin: import departments from XLSX or CSV (部门代码, 部门名称, 行政区划代码)")
    public ImportReport importDepartments(Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
        return imports.importDepartments(actor, file.getOriginalFilename(), file.getInputStream());
    }

    @GetMapping("/service-items")
    public List<ServiceItem> items(Actor actor, @RequestParam(required = false) String department) {
        return items.list(department);
    }

    @PutMapping("/service-items/{itemCode}")
    @Operation(summary = "Admin: create or update a service item")
    public ServiceItem saveItem(Actor actor, @PathVariable String itemCode, @RequestBody ServiceItem body) {
        requireAdmin(actor);
        ServiceItem item = new ServiceItem(itemCode, body.name(), body.category(), body.departmentCode());
        items.save(item);
        return item;
    }

    @PostMapping(value = "/service-items/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Admin: import service items from XLSX or CSV (事项编码, 事项名称, 事项类型, 实施部门代码)")
    public ImportReport importItems(Actor actor, @RequestPart("file") MultipartFile file) throws IOException {
        return imports.importServiceItems(actor, file.getOriginalFilename(), file.getInputStream());
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw RegistryException.forbidden("Only hub admins change departments and service items");
        }
    }
}
