package org.labtrust.reports.internal.filing;

/** Why one filing was refused: a stable code and the arguments of its message. */
public record Problem(String code, Object... args) {
}
