package cn.arena.org;

import cn.arena.account.CurrentUser;
import cn.arena.account.OrganizerOnly;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Org units on the JSON API. */
@RestController
@RequestMapping("/api/v1/org-units")
class OrgApi {

    record NewUnit(String name, @Nullable OrgUnitKind kind, @Nullable Long parentId) {}

    record Created(long id) {}

    record Units(List<OrgTree.OrgUnit> items) {}

    private final OrgTree tree;
    private final OrgImport imports;

    OrgApi(OrgTree tree, OrgImport imports) {
        this.tree = tree;
        this.imports = imports;
    }

    @PostMapping
    @Operation(summary = "Create an org unit under a parent in the caller's scope")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    Created create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewUnit body) {
        return new Created(tree.create(user, body.name() == null ? "" : body.name(), body.kind(), body.parentId()));
    }

    @GetMapping
    @Operation(summary = "Org units the caller may see")
    Units list(@AuthenticationPrincipal CurrentUser user) {
        return new Units(tree.visibleTo(user));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One org unit")
    OrgTree.OrgUnit get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return tree.get(user, id);
    }

    /** xlsx with 单位名称, 类型, 上级单位; all or nothing. */
    @PostMapping("/import")
    @Operation(summary = "Import org units from xlsx")
    @ResponseStatus(HttpStatus.CREATED)
    @OrganizerOnly
    OrgImport.Result importUnits(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file) throws IOException {
        return imports.run(user, file.getInputStream(), file.getSize());
    }
}
