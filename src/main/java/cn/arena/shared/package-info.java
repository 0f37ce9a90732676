/** Identifiers, value types, error and message plumbing shared by every module. */
@NullMarked
package cn.arena.shared;

import org.jspecify.annotations.NullMarked;
