// The Sigma condition language (spec v2.1 "Condition", plus pySigma's `any of`).
// Precedence, loosest first: or < and < not < x of < ( ).
// and/or chains are repetition, not left recursion, so a 10,000-term chain does not build a 10,000-deep tree (cel-java).
// Every decision is LL(1): an error is always detected at the offending token, and the parser's expected-token set at
// that point is exact, which is what ConditionReader turns into "expected 'and', 'or' or end of condition".
grammar Condition;

condition : expr EOF ;

expr      : andExpr (OR andExpr)* ;
andExpr   : notExpr (AND notExpr)* ;
notExpr   : NOT notExpr            #not
          | primary                #atom
          ;
primary   : LPAREN expr RPAREN     #group
          | quantifier OF target   #of
          | IDENT                  #ref
          ;
quantifier : ONE | ALL | ANY ;
// A bare `sel*` is not an operand: the PATTERN token is only accepted here, so `sel*` alone is a syntax error that
// ConditionReader explains ("use '1 of sel*' or 'all of sel*'").
target     : THEM | IDENT | PATTERN ;

// Keywords are lower case, as in pySigma; `AND` lexes as an identifier and is explained when it breaks the parse.
// Longest match makes keyword prefixes plain identifiers: `android`, `order`, `nothing`, `oneof`, `1st`.
AND    : 'and' ;
OR     : 'or' ;
NOT    : 'not' ;
OF     : 'of' ;
THEM   : 'them' ;
ALL    : 'all' ;
ANY    : 'any' ;
ONE    : '1' ;
LPAREN : '(' ;
RPAREN : ')' ;
// Identifiers as pySigma accepts them: ASCII letters, digits, '_' and '-'. A '*' makes a pattern (only valid after `of`).
IDENT   : [A-Za-z0-9_\-]+ ;
PATTERN : [A-Za-z0-9_\-*]+ ;
// Legacy syntax is lexed so the reader can name it (E202/E203) instead of failing on an unknown character.
PIPE   : '|' ;
WS     : [ \t\r\n]+ -> skip ;
// Any other character becomes a token, so the lexer never reports errors of its own.
OTHER  : . ;
