/** Blueprints (组卷规则) and paper assembly: selection, per-candidate variants, shuffling. */
@NullMarked
package cn.arena.paper;

import org.jspecify.annotations.NullMarked;
