/** Identifiers, value types, error and message plumbing shared by every module. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@NullMarked
package cn.arena.shared;

import org.jspecify.annotations.NullMarked;
