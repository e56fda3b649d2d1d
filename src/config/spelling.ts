// Which spelling a control file uses: `.yml`/`.yaml` is YAML, anything else monit's syntax.
export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}
