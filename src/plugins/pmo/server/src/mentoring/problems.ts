/** Input problems, each naming the field it is about (`actionItems[1].dueDate`). Pure. */
export type Problem = { path: string; message: string };

/** `ratings[0].rating` → ['ratings', '0', 'rating'], the path shape Strapi's validation errors use. */
export function pathSegments(path: string) {
  return path.split(/[.[\]]+/).filter(Boolean);
}

/** One sentence naming every field at fault, for the error message a person reads. */
export function describeProblems(problems: Problem[]) {
  return problems.map((problem) => problem.message).join('; ');
}
