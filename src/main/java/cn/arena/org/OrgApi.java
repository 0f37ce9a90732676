package cn.arena.org;

import cn.arena.account.CurrentUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Org units on the JSON API. */
@RestController
@RequestMapping("/api/v1/org-units")
class OrgApi {

    record NewUnit(String name, @Nullable OrgUnitKind kind, @Nullable Long parentId) {}

    record Created(long id) {}

    record Units(List<OrgTree.OrgUnit> items) {}

    private final OrgTree tree;

    OrgApi(OrgTree tree) {
        this.tree = tree;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    Created create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewUnit body) {
        return new Created(tree.create(user, body.name() == null ? "" : body.name(), body.kind(), body.parentId()));
    }

    @GetMapping
    Units list(@AuthenticationPrincipal CurrentUser user) {
        return new Units(tree.visibleTo(user));
    }
}
