/** YAML loading with positions and limits: text to {@link io.detc.yaml.YamlNode} trees, the second stage. */
package io.detc.yaml;
