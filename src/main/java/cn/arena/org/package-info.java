/** The org tree (province to community, departments, windows), people, staff categories and resident ID numbers. */
@NullMarked
package cn.arena.org;

import org.jspecify.annotations.NullMarked;
