/** The org tree (province to community, departments, windows), people, staff categories and resident ID numbers. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "shared"})
@NullMarked
package cn.arena.org;

import org.jspecify.annotations.NullMarked;
