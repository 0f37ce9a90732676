/** Blueprints (组卷规则) and paper assembly: selection, per-candidate variants, shuffling. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"bank", "account", "shared"})
@NullMarked
package cn.arena.paper;

import org.jspecify.annotations.NullMarked;
