package cn.arena.org;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The staff category list on the JSON API: everyone signed in reads it, admins add and rename. */
@RestController
@RequestMapping("/api/v1/staff-categories")
class StaffCategoryApi {

    record Items(List<StaffCategory> items) {}

    record NewCategory(@Nullable String code, @Nullable String name) {}

    record Rename(@Nullable String name) {}

    record Created(String code) {}

    private final StaffCategories categories;

    StaffCategoryApi(StaffCategories categories) {
        this.categories = categories;
    }

    @GetMapping
    @Operation(summary = "Staff categories (人员类别)")
    Items list() {
        return new Items(categories.all());
    }

    @PostMapping
    @Operation(summary = "Add a staff category")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Created add(@RequestBody NewCategory body) {
        String code = body.code() == null ? "" : body.code().strip();
        categories.add(new StaffCategory(code, body.name() == null ? "" : body.name()));
        return new Created(code);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Rename a staff category")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> rename(@PathVariable String code, @RequestBody Rename body) {
        categories.rename(code, body.name() == null ? "" : body.name());
        return ResponseEntity.noContent().build();
    }
}
