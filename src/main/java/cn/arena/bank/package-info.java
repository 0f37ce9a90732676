/** Question banks (题库): questions of the six types, categories, import and export. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "shared"})
@NullMarked
package cn.arena.bank;

import org.jspecify.annotations.NullMarked;
