/** Cross-cutting web plumbing: problem details for the API, the caller's language, the home page and layout. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "shared"})
@NullMarked
package cn.arena.web;

import org.jspecify.annotations.NullMarked;
