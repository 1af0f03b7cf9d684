/**
 * Values and their modifiers: Sigma strings with typed wildcards ({@link io.detc.value.SigmaString},
 * {@link io.detc.value.Text}), networks ({@link io.detc.value.Cidrs}), encodings, regex checks, and
 * {@link io.detc.value.ItemLowering}, which turns each detection item of the rule model into IR leaves. It sits between
 * the rule model ({@code io.detc.rule}) and the IR ({@code io.detc.ir}); all value semantics are decided here.
 */
package io.detc.value;
