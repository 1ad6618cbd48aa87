/* Snowball stemmers for the site search, translated from the Python package
snowballstemmer 3.1.1 (BSD-3-Clause, see LICENSE beside this file) by
plugins/search/snowball_js.py. Do not edit: regenerate. */
(function (root) {
"use strict";
function Among(s, substringI, result, method) {
this.s = s;
this.substring_i = substringI;
this.result = result;
this.method = method || null;
}

// Hand port of snowballstemmer/basestemmer.py (same names, same logic).
function BaseStemmer() { this.set_current(""); }
BaseStemmer.prototype.set_current = function (value) {
this.current = value;
this.cursor = 0;
this.limit = value.length;
this.limit_backward = 0;
this.bra = this.cursor;
this.ket = this.limit;
};
BaseStemmer.prototype.get_current = function () { return this.current; };
BaseStemmer.prototype.in_grouping = function (s) {
if (this.cursor >= this.limit) return false;
if (!s.has(this.current[this.cursor])) return false;
this.cursor += 1;
return true;
};
BaseStemmer.prototype.go_in_grouping = function (s) {
while (this.cursor < this.limit) {
if (!s.has(this.current[this.cursor])) return true;
this.cursor += 1;
}
return false;
};
BaseStemmer.prototype.in_grouping_b = function (s) {
if (this.cursor <= this.limit_backward) return false;
if (!s.has(this.current[this.cursor - 1])) return false;
this.cursor -= 1;
return true;
};
BaseStemmer.prototype.go_in_grouping_b = function (s) {
while (this.cursor > this.limit_backward) {
if (!s.has(this.current[this.cursor - 1])) return true;
this.cursor -= 1;
}
return false;
};
BaseStemmer.prototype.out_grouping = function (s) {
if (this.cursor >= this.limit) return false;
if (!s.has(this.current[this.cursor])) { this.cursor += 1; return true; }
return false;
};
BaseStemmer.prototype.go_out_grouping = function (s) {
while (this.cursor < this.limit) {
if (s.has(this.current[this.cursor])) return true;
this.cursor += 1;
}
return false;
};
BaseStemmer.prototype.out_grouping_b = function (s) {
if (this.cursor <= this.limit_backward) return false;
if (!s.has(this.current[this.cursor - 1])) { this.cursor -= 1; return true; }
return false;
};
BaseStemmer.prototype.go_out_grouping_b = function (s) {
while (this.cursor > this.limit_backward) {
if (s.has(this.current[this.cursor - 1])) return true;
this.cursor -= 1;
}
return false;
};
BaseStemmer.prototype.eq_s = function (s) {
if (this.limit - this.cursor < s.length) return false;
if (this.current.substring(this.cursor, this.cursor + s.length) !== s) return false;
this.cursor += s.length;
return true;
};
BaseStemmer.prototype.eq_s_b = function (s) {
if (this.cursor - this.limit_backward < s.length) return false;
if (this.current.substring(this.cursor - s.length, this.cursor) !== s) return false;
this.cursor -= s.length;
return true;
};
BaseStemmer.prototype.find_among = function (v) {
var i = 0, j = v.length, c = this.cursor, l = this.limit;
var commonI = 0, commonJ = 0, firstKeyInspected = false, w;
while (true) {
var k = i + ((j - i) >> 1), diff = 0;
var common = Math.min(commonI, commonJ);
w = v[k];
for (var i2 = common; i2 < w.s.length; i2++) {
if (c + common === l) { diff = -1; break; }
diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
if (diff !== 0) break;
common += 1;
}
if (diff < 0) { j = k; commonJ = common; } else { i = k; commonI = common; }
if (j - i <= 1) {
if (i > 0) break;
if (j === i) break;
if (firstKeyInspected) break;
firstKeyInspected = true;
}
}
while (true) {
w = v[i];
if (commonI >= w.s.length) {
this.cursor = c + w.s.length;
if (w.method === null) return w.result;
if (w.method.call(this)) { this.cursor = c + w.s.length; return w.result; }
}
i = w.substring_i;
if (i < 0) return 0;
}
};
BaseStemmer.prototype.find_among_b = function (v) {
var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward;
var commonI = 0, commonJ = 0, firstKeyInspected = false, w;
while (true) {
var k = i + ((j - i) >> 1), diff = 0;
var common = Math.min(commonI, commonJ);
w = v[k];
for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
if (c - common === lb) { diff = -1; break; }
diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
if (diff !== 0) break;
common += 1;
}
if (diff < 0) { j = k; commonJ = common; } else { i = k; commonI = common; }
if (j - i <= 1) {
if (i > 0) break;
if (j === i) break;
if (firstKeyInspected) break;
firstKeyInspected = true;
}
}
while (true) {
w = v[i];
if (commonI >= w.s.length) {
this.cursor = c - w.s.length;
if (w.method === null) return w.result;
if (w.method.call(this)) { this.cursor = c - w.s.length; return w.result; }
}
i = w.substring_i;
if (i < 0) return 0;
}
};
BaseStemmer.prototype.replace_s = function (cBra, cKet, s) {
var adjustment = s.length - (cKet - cBra);
this.current = this.current.substring(0, cBra) + s + this.current.substring(cKet);
this.limit += adjustment;
if (this.cursor >= cKet) this.cursor += adjustment;
else if (this.cursor > cBra) this.cursor = cBra;
return adjustment;
};
BaseStemmer.prototype.slice_from = function (s) {
this.replace_s(this.bra, this.ket, s);
this.ket = this.bra + s.length;
};
BaseStemmer.prototype.slice_del = function () { return this.slice_from(""); };
BaseStemmer.prototype.insert = function (cBra, cKet, s) {
var adjustment = this.replace_s(cBra, cKet, s);
if (cBra <= this.bra) this.bra += adjustment;
if (cBra <= this.ket) this.ket += adjustment;
};
BaseStemmer.prototype.slice_to = function () {
return this.current.substring(this.bra, this.ket);
};
BaseStemmer.prototype.stemWord = function (word) {
this.set_current(word);
this._stem();
return this.get_current();
};
function FrenchStemmer() { BaseStemmer.call(this); }
FrenchStemmer.prototype = Object.create(BaseStemmer.prototype);
FrenchStemmer.prototype.constructor = FrenchStemmer;
FrenchStemmer.g_v = new Set(["a", "e", "i", "o", "u", "y", "à", "â", "è", "é", "ê", "ë", "î", "ï", "ô", "ù", "û"]);
FrenchStemmer.g_oux_ending = new Set(["b", "h", "j", "l", "n", "p"]);
FrenchStemmer.g_elision_char = new Set(["c", "d", "j", "l", "m", "n", "s", "t"]);
FrenchStemmer.g_keep_with_s = new Set(["a", "i", "o", "s", "u", "è"]);
FrenchStemmer.I_p2 = 0;
FrenchStemmer.prototype.I_p2 = 0;
FrenchStemmer.I_p1 = 0;
FrenchStemmer.prototype.I_p1 = 0;
FrenchStemmer.I_pV = 0;
FrenchStemmer.prototype.I_pV = 0;
FrenchStemmer.prototype.__r_elisions = function () {
this.bra = this.cursor;
while (true) {
lab0_1: {
if (!(this.in_grouping(FrenchStemmer.g_elision_char))) {
break lab0_1;
}
break;
}
if (!(this.eq_s("qu"))) {
return false;
}
break;
}
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "'"))) {
return false;
}
this.cursor += 1;
this.ket = this.cursor;
if ((this.cursor >= this.limit)) {
return false;
}
this.slice_del();
return true;
};
FrenchStemmer.prototype.__r_prelude = function () {
while (true) {
var v_1 = this.cursor;
lab0_1: {
while (true) {
var v_2 = this.cursor;
lab1_2: {
while (true) {
var v_3 = this.cursor;
lab2_3: {
if (!(this.in_grouping(FrenchStemmer.g_v))) {
break lab2_3;
}
this.bra = this.cursor;
while (true) {
var v_4 = this.cursor;
lab3_4: {
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "u"))) {
break lab3_4;
}
this.cursor += 1;
this.ket = this.cursor;
if (!(this.in_grouping(FrenchStemmer.g_v))) {
break lab3_4;
}
this.slice_from("U");
break;
}
this.cursor = v_4;
lab3_5: {
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "i"))) {
break lab3_5;
}
this.cursor += 1;
this.ket = this.cursor;
if (!(this.in_grouping(FrenchStemmer.g_v))) {
break lab3_5;
}
this.slice_from("I");
break;
}
this.cursor = v_4;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "y"))) {
break lab2_3;
}
this.cursor += 1;
this.ket = this.cursor;
this.slice_from("Y");
break;
}
break;
}
this.cursor = v_3;
lab2_6: {
this.bra = this.cursor;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "ë"))) {
break lab2_6;
}
this.cursor += 1;
this.ket = this.cursor;
this.slice_from("He");
break;
}
this.cursor = v_3;
lab2_7: {
this.bra = this.cursor;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "ï"))) {
break lab2_7;
}
this.cursor += 1;
this.ket = this.cursor;
this.slice_from("Hi");
break;
}
this.cursor = v_3;
lab2_8: {
this.bra = this.cursor;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "y"))) {
break lab2_8;
}
this.cursor += 1;
this.ket = this.cursor;
if (!(this.in_grouping(FrenchStemmer.g_v))) {
break lab2_8;
}
this.slice_from("Y");
break;
}
this.cursor = v_3;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "q"))) {
break lab1_2;
}
this.cursor += 1;
this.bra = this.cursor;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "u"))) {
break lab1_2;
}
this.cursor += 1;
this.ket = this.cursor;
this.slice_from("U");
break;
}
this.cursor = v_2;
break;
}
this.cursor = v_2;
if ((this.cursor >= this.limit)) {
break lab0_1;
}
this.cursor += 1;
}
continue;
}
this.cursor = v_1;
break;
}
return true;
};
FrenchStemmer.prototype.__r_mark_regions = function () {
this.I_pV = this.limit;
this.I_p1 = this.limit;
this.I_p2 = this.limit;
var v_1 = this.cursor;
lab0_1: {
while (true) {
var v_2 = this.cursor;
lab1_2: {
if (!(this.in_grouping(FrenchStemmer.g_v))) {
break lab1_2;
}
if (!(this.in_grouping(FrenchStemmer.g_v))) {
break lab1_2;
}
if ((this.cursor >= this.limit)) {
break lab1_2;
}
this.cursor += 1;
break;
}
this.cursor = v_2;
lab1_3: {
var among_var = this.find_among(FrenchStemmer.a_0);
if ((among_var === 0)) {
break lab1_3;
}
if ((among_var === 1)) {
if (!(this.in_grouping(FrenchStemmer.g_v))) {
break lab1_3;
}
}
break;
}
this.cursor = v_2;
if ((this.cursor >= this.limit)) {
break lab0_1;
}
this.cursor += 1;
if (!(this.go_out_grouping(FrenchStemmer.g_v))) {
break lab0_1;
}
this.cursor += 1;
break;
}
this.I_pV = this.cursor;
}
this.cursor = v_1;
var v_3 = this.cursor;
lab0_4: {
if (!(this.go_out_grouping(FrenchStemmer.g_v))) {
break lab0_4;
}
this.cursor += 1;
if (!(this.go_in_grouping(FrenchStemmer.g_v))) {
break lab0_4;
}
this.cursor += 1;
this.I_p1 = this.cursor;
if (!(this.go_out_grouping(FrenchStemmer.g_v))) {
break lab0_4;
}
this.cursor += 1;
if (!(this.go_in_grouping(FrenchStemmer.g_v))) {
break lab0_4;
}
this.cursor += 1;
this.I_p2 = this.cursor;
}
this.cursor = v_3;
return true;
};
FrenchStemmer.prototype.__r_postlude = function () {
while (true) {
var v_1 = this.cursor;
lab0_1: {
this.bra = this.cursor;
var among_var = this.find_among(FrenchStemmer.a_1);
this.ket = this.cursor;
if ((among_var === 1)) {
this.slice_from("i");
} else {
if ((among_var === 2)) {
this.slice_from("u");
} else {
if ((among_var === 3)) {
this.slice_from("y");
} else {
if ((among_var === 4)) {
this.slice_from("ë");
} else {
if ((among_var === 5)) {
this.slice_from("ï");
} else {
if ((among_var === 6)) {
this.slice_del();
} else {
if ((this.cursor >= this.limit)) {
break lab0_1;
}
this.cursor += 1;
}
}
}
}
}
}
continue;
}
this.cursor = v_1;
break;
}
return true;
};
FrenchStemmer.prototype.__r_RV = function () {
return (this.I_pV <= this.cursor);
};
FrenchStemmer.prototype.__r_R1 = function () {
return (this.I_p1 <= this.cursor);
};
FrenchStemmer.prototype.__r_R2 = function () {
return (this.I_p2 <= this.cursor);
};
FrenchStemmer.prototype.__r_standard_suffix = function () {
this.ket = this.cursor;
var among_var = this.find_among_b(FrenchStemmer.a_4);
if ((among_var === 0)) {
return false;
}
this.bra = this.cursor;
if ((among_var === 1)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
} else {
if ((among_var === 2)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
var v_1 = (this.limit - this.cursor);
lab0_1: {
this.ket = this.cursor;
if (!(this.eq_s_b("ic"))) {
this.cursor = (this.limit - v_1);
break lab0_1;
}
this.bra = this.cursor;
while (true) {
var v_2 = (this.limit - this.cursor);
lab1_2: {
if (!(this.__r_R2())) {
break lab1_2;
}
this.slice_del();
break;
}
this.cursor = (this.limit - v_2);
this.slice_from("iqU");
break;
}
}
} else {
if ((among_var === 3)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_from("log");
} else {
if ((among_var === 4)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_from("u");
} else {
if ((among_var === 5)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_from("ent");
} else {
if ((among_var === 6)) {
if (!(this.__r_RV())) {
return false;
}
this.slice_del();
var v_3 = (this.limit - this.cursor);
lab0_3: {
this.ket = this.cursor;
among_var = this.find_among_b(FrenchStemmer.a_2);
if ((among_var === 0)) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.bra = this.cursor;
if ((among_var === 1)) {
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.slice_del();
this.ket = this.cursor;
if (!(this.eq_s_b("at"))) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.bra = this.cursor;
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.slice_del();
} else {
if ((among_var === 2)) {
while (true) {
var v_4 = (this.limit - this.cursor);
lab1_4: {
if (!(this.__r_R2())) {
break lab1_4;
}
this.slice_del();
break;
}
this.cursor = (this.limit - v_4);
if (!(this.__r_R1())) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.slice_from("eux");
break;
}
} else {
if ((among_var === 3)) {
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.slice_del();
} else {
if (!(this.__r_RV())) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.slice_from("i");
}
}
}
}
} else {
if ((among_var === 7)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
var v_5 = (this.limit - this.cursor);
lab0_5: {
this.ket = this.cursor;
among_var = this.find_among_b(FrenchStemmer.a_3);
if ((among_var === 0)) {
this.cursor = (this.limit - v_5);
break lab0_5;
}
this.bra = this.cursor;
if ((among_var === 1)) {
while (true) {
var v_6 = (this.limit - this.cursor);
lab1_6: {
if (!(this.__r_R2())) {
break lab1_6;
}
this.slice_del();
break;
}
this.cursor = (this.limit - v_6);
this.slice_from("abl");
break;
}
} else {
if ((among_var === 2)) {
while (true) {
var v_7 = (this.limit - this.cursor);
lab1_7: {
if (!(this.__r_R2())) {
break lab1_7;
}
this.slice_del();
break;
}
this.cursor = (this.limit - v_7);
this.slice_from("iqU");
break;
}
} else {
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_5);
break lab0_5;
}
this.slice_del();
}
}
}
} else {
if ((among_var === 8)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
var v_8 = (this.limit - this.cursor);
lab0_8: {
this.ket = this.cursor;
if (!(this.eq_s_b("at"))) {
this.cursor = (this.limit - v_8);
break lab0_8;
}
this.bra = this.cursor;
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_8);
break lab0_8;
}
this.slice_del();
this.ket = this.cursor;
if (!(this.eq_s_b("ic"))) {
this.cursor = (this.limit - v_8);
break lab0_8;
}
this.bra = this.cursor;
while (true) {
var v_9 = (this.limit - this.cursor);
lab1_9: {
if (!(this.__r_R2())) {
break lab1_9;
}
this.slice_del();
break;
}
this.cursor = (this.limit - v_9);
this.slice_from("iqU");
break;
}
}
} else {
if ((among_var === 9)) {
this.slice_from("eau");
} else {
if ((among_var === 10)) {
if (!(this.__r_R1())) {
return false;
}
this.slice_from("al");
} else {
if ((among_var === 11)) {
if (!(this.in_grouping_b(FrenchStemmer.g_oux_ending))) {
return false;
}
this.slice_from("ou");
} else {
if ((among_var === 12)) {
while (true) {
var v_10 = (this.limit - this.cursor);
lab0_10: {
if (!(this.__r_R2())) {
break lab0_10;
}
this.slice_del();
break;
}
this.cursor = (this.limit - v_10);
if (!(this.__r_R1())) {
return false;
}
this.slice_from("eux");
break;
}
} else {
if ((among_var === 13)) {
if (!(this.__r_R1())) {
return false;
}
if (!(this.out_grouping_b(FrenchStemmer.g_v))) {
return false;
}
this.slice_del();
} else {
if ((among_var === 14)) {
if (!(this.__r_RV())) {
return false;
}
this.slice_from("ant");
return false;
} else {
if ((among_var === 15)) {
if (!(this.__r_RV())) {
return false;
}
this.slice_from("ent");
return false;
} else {
var v_11 = (this.limit - this.cursor);
if (!(this.in_grouping_b(FrenchStemmer.g_v))) {
return false;
}
if (!(this.__r_RV())) {
return false;
}
this.cursor = (this.limit - v_11);
this.slice_del();
return false;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
return true;
};
FrenchStemmer.prototype.__r_i_verb_suffix = function () {
if ((this.cursor < this.I_pV)) {
return false;
}
var v_2 = this.limit_backward;
this.limit_backward = this.I_pV;
this.ket = this.cursor;
if ((this.find_among_b(FrenchStemmer.a_5) === 0)) {
this.limit_backward = v_2;
return false;
}
this.bra = this.cursor;
lab0_1: {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "H"))) {
break lab0_1;
}
this.cursor -= 1;
this.limit_backward = v_2;
return false;
}
if (!(this.out_grouping_b(FrenchStemmer.g_v))) {
this.limit_backward = v_2;
return false;
}
this.slice_del();
this.limit_backward = v_2;
return true;
};
FrenchStemmer.prototype.__r_verb_suffix = function () {
if ((this.cursor < this.I_pV)) {
return false;
}
var v_2 = this.limit_backward;
this.limit_backward = this.I_pV;
this.ket = this.cursor;
var among_var = this.find_among_b(FrenchStemmer.a_7);
if ((among_var === 0)) {
this.limit_backward = v_2;
return false;
}
this.bra = this.cursor;
this.limit_backward = v_2;
if ((among_var === 1)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
} else {
if ((among_var === 2)) {
this.slice_del();
} else {
if ((among_var === 3)) {
var v_3 = (this.limit - this.cursor);
lab0_1: {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "e"))) {
this.cursor = (this.limit - v_3);
break lab0_1;
}
this.cursor -= 1;
if (!(this.__r_RV())) {
this.cursor = (this.limit - v_3);
break lab0_1;
}
this.bra = this.cursor;
}
this.slice_del();
} else {
var v_4 = (this.limit - this.cursor);
lab0_2: {
among_var = this.find_among_b(FrenchStemmer.a_6);
if ((among_var === 0)) {
break lab0_2;
}
if ((among_var === 1)) {
if ((this.cursor <= this.limit_backward)) {
break lab0_2;
}
this.cursor -= 1;
if ((this.cursor > this.limit_backward)) {
break lab0_2;
}
}
return false;
}
this.cursor = (this.limit - v_4);
this.slice_del();
}
}
}
return true;
};
FrenchStemmer.prototype.__r_residual_suffix = function () {
var v_1 = (this.limit - this.cursor);
lab0_1: {
this.ket = this.cursor;
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "s"))) {
this.cursor = (this.limit - v_1);
break lab0_1;
}
this.cursor -= 1;
this.bra = this.cursor;
var v_2 = (this.limit - this.cursor);
while (true) {
lab1_2: {
if (!(this.eq_s_b("Hi"))) {
break lab1_2;
}
break;
}
if (!(this.out_grouping_b(FrenchStemmer.g_keep_with_s))) {
this.cursor = (this.limit - v_1);
break lab0_1;
}
break;
}
this.cursor = (this.limit - v_2);
this.slice_del();
}
if ((this.cursor < this.I_pV)) {
return false;
}
var v_4 = this.limit_backward;
this.limit_backward = this.I_pV;
this.ket = this.cursor;
var among_var = this.find_among_b(FrenchStemmer.a_8);
if ((among_var === 0)) {
this.limit_backward = v_4;
return false;
}
this.bra = this.cursor;
if ((among_var === 1)) {
if (!(this.__r_R2())) {
this.limit_backward = v_4;
return false;
}
while (true) {
lab0_3: {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "s"))) {
break lab0_3;
}
this.cursor -= 1;
break;
}
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "t"))) {
this.limit_backward = v_4;
return false;
}
this.cursor -= 1;
break;
}
this.slice_del();
} else {
if ((among_var === 2)) {
this.slice_from("i");
} else {
this.slice_del();
}
}
this.limit_backward = v_4;
return true;
};
FrenchStemmer.prototype.__r_un_double = function () {
var v_1 = (this.limit - this.cursor);
if ((this.find_among_b(FrenchStemmer.a_9) === 0)) {
return false;
}
this.cursor = (this.limit - v_1);
this.ket = this.cursor;
if ((this.cursor <= this.limit_backward)) {
return false;
}
this.cursor -= 1;
this.bra = this.cursor;
this.slice_del();
return true;
};
FrenchStemmer.prototype.__r_un_accent = function () {
var v_1 = 1;
while (true) {
lab0_1: {
if (!(this.out_grouping_b(FrenchStemmer.g_v))) {
break lab0_1;
}
v_1 -= 1;
continue;
}
break;
}
if ((v_1 > 0)) {
return false;
}
this.ket = this.cursor;
while (true) {
lab0_2: {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "é"))) {
break lab0_2;
}
this.cursor -= 1;
break;
}
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "è"))) {
return false;
}
this.cursor -= 1;
break;
}
this.bra = this.cursor;
this.slice_from("e");
return true;
};
FrenchStemmer.prototype._stem = function () {
var v_1 = this.cursor;
this.__r_elisions();
this.cursor = v_1;
var v_2 = this.cursor;
this.__r_prelude();
this.cursor = v_2;
this.__r_mark_regions();
this.limit_backward = this.cursor;
this.cursor = this.limit;
var v_3 = (this.limit - this.cursor);
lab0_1: {
while (true) {
var v_4 = (this.limit - this.cursor);
lab1_2: {
var v_5 = (this.limit - this.cursor);
while (true) {
var v_6 = (this.limit - this.cursor);
lab2_3: {
if (!(this.__r_standard_suffix())) {
break lab2_3;
}
break;
}
this.cursor = (this.limit - v_6);
lab2_4: {
if (!(this.__r_i_verb_suffix())) {
break lab2_4;
}
break;
}
this.cursor = (this.limit - v_6);
if (!(this.__r_verb_suffix())) {
break lab1_2;
}
break;
}
this.cursor = (this.limit - v_5);
var v_7 = (this.limit - this.cursor);
lab2_5: {
this.ket = this.cursor;
while (true) {
var v_8 = (this.limit - this.cursor);
lab3_6: {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "Y"))) {
break lab3_6;
}
this.cursor -= 1;
this.bra = this.cursor;
this.slice_from("i");
break;
}
this.cursor = (this.limit - v_8);
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "ç"))) {
this.cursor = (this.limit - v_7);
break lab2_5;
}
this.cursor -= 1;
this.bra = this.cursor;
this.slice_from("c");
break;
}
}
break;
}
this.cursor = (this.limit - v_4);
if (!(this.__r_residual_suffix())) {
break lab0_1;
}
break;
}
}
this.cursor = (this.limit - v_3);
var v_9 = (this.limit - this.cursor);
this.__r_un_double();
this.cursor = (this.limit - v_9);
var v_10 = (this.limit - this.cursor);
this.__r_un_accent();
this.cursor = (this.limit - v_10);
this.cursor = this.limit_backward;
var v_11 = this.cursor;
this.__r_postlude();
this.cursor = v_11;
return true;
};
FrenchStemmer.a_0 = [new Among("col", -(1), -(1)), new Among("ni", -(1), 1), new Among("par", -(1), -(1)), new Among("tap", -(1), -(1))];
FrenchStemmer.a_1 = [new Among("", -(1), 7), new Among("H", 0, 6), new Among("He", 1, 4), new Among("Hi", 1, 5), new Among("I", 0, 1), new Among("U", 0, 2), new Among("Y", 0, 3)];
FrenchStemmer.a_2 = [new Among("iqU", -(1), 3), new Among("abl", -(1), 3), new Among("Ièr", -(1), 4), new Among("ièr", -(1), 4), new Among("eus", -(1), 2), new Among("iv", -(1), 1)];
FrenchStemmer.a_3 = [new Among("ic", -(1), 2), new Among("abil", -(1), 1), new Among("iv", -(1), 3)];
FrenchStemmer.a_4 = [new Among("iqUe", -(1), 1), new Among("atrice", -(1), 2), new Among("ance", -(1), 1), new Among("ence", -(1), 5), new Among("logie", -(1), 3), new Among("able", -(1), 1), new Among("isme", -(1), 1), new Among("euse", -(1), 12), new Among("iste", -(1), 1), new Among("ive", -(1), 8), new Among("if", -(1), 8), new Among("usion", -(1), 4), new Among("ation", -(1), 2), new Among("ution", -(1), 4), new Among("ateur", -(1), 2), new Among("iqUes", -(1), 1), new Among("atrices", -(1), 2), new Among("ances", -(1), 1), new Among("ences", -(1), 5), new Among("logies", -(1), 3), new Among("ables", -(1), 1), new Among("ismes", -(1), 1), new Among("euses", -(1), 12), new Among("istes", -(1), 1), new Among("ives", -(1), 8), new Among("ifs", -(1), 8), new Among("usions", -(1), 4), new Among("ations", -(1), 2), new Among("utions", -(1), 4), new Among("ateurs", -(1), 2), new Among("ments", -(1), 16), new Among("ements", 30, 6), new Among("issements", 31, 13), new Among("ités", -(1), 7), new Among("ment", -(1), 16), new Among("ement", 34, 6), new Among("issement", 35, 13), new Among("amment", 34, 14), new Among("emment", 34, 15), new Among("aux", -(1), 10), new Among("eaux", 39, 9), new Among("eux", -(1), 1), new Among("oux", -(1), 11), new Among("ité", -(1), 7)];
FrenchStemmer.a_5 = [new Among("ira", -(1), 1), new Among("ie", -(1), 1), new Among("isse", -(1), 1), new Among("issante", -(1), 1), new Among("i", -(1), 1), new Among("irai", 4, 1), new Among("ir", -(1), 1), new Among("iras", -(1), 1), new Among("ies", -(1), 1), new Among("îmes", -(1), 1), new Among("isses", -(1), 1), new Among("issantes", -(1), 1), new Among("îtes", -(1), 1), new Among("is", -(1), 1), new Among("irais", 13, 1), new Among("issais", 13, 1), new Among("irions", -(1), 1), new Among("issions", -(1), 1), new Among("irons", -(1), 1), new Among("issons", -(1), 1), new Among("issants", -(1), 1), new Among("it", -(1), 1), new Among("irait", 21, 1), new Among("issait", 21, 1), new Among("issant", -(1), 1), new Among("iraIent", -(1), 1), new Among("issaIent", -(1), 1), new Among("irent", -(1), 1), new Among("issent", -(1), 1), new Among("iront", -(1), 1), new Among("ît", -(1), 1), new Among("iriez", -(1), 1), new Among("issiez", -(1), 1), new Among("irez", -(1), 1), new Among("issez", -(1), 1)];
FrenchStemmer.a_6 = [new Among("al", -(1), 1), new Among("épl", -(1), -(1)), new Among("auv", -(1), -(1))];
FrenchStemmer.a_7 = [new Among("a", -(1), 3), new Among("era", 0, 2), new Among("aise", -(1), 4), new Among("asse", -(1), 3), new Among("ante", -(1), 3), new Among("ée", -(1), 2), new Among("ai", -(1), 3), new Among("erai", 6, 2), new Among("er", -(1), 2), new Among("as", -(1), 3), new Among("eras", 9, 2), new Among("âmes", -(1), 3), new Among("aises", -(1), 4), new Among("asses", -(1), 3), new Among("antes", -(1), 3), new Among("âtes", -(1), 3), new Among("ées", -(1), 2), new Among("ais", -(1), 4), new Among("eais", 17, 2), new Among("erais", 17, 2), new Among("ions", -(1), 1), new Among("erions", 20, 2), new Among("assions", 20, 3), new Among("erons", -(1), 2), new Among("ants", -(1), 3), new Among("és", -(1), 2), new Among("ait", -(1), 3), new Among("erait", 26, 2), new Among("ant", -(1), 3), new Among("aIent", -(1), 3), new Among("eraIent", 29, 2), new Among("èrent", -(1), 2), new Among("assent", -(1), 3), new Among("eront", -(1), 2), new Among("ât", -(1), 3), new Among("ez", -(1), 2), new Among("iez", 35, 2), new Among("eriez", 36, 2), new Among("assiez", 36, 3), new Among("erez", 35, 2), new Among("é", -(1), 2)];
FrenchStemmer.a_8 = [new Among("e", -(1), 3), new Among("Ière", 0, 2), new Among("ière", 0, 2), new Among("ion", -(1), 1), new Among("Ier", -(1), 2), new Among("ier", -(1), 2)];
FrenchStemmer.a_9 = [new Among("ell", -(1), -(1)), new Among("eill", -(1), -(1)), new Among("enn", -(1), -(1)), new Among("onn", -(1), -(1)), new Among("ett", -(1), -(1))];
function EnglishStemmer() { BaseStemmer.call(this); }
EnglishStemmer.prototype = Object.create(BaseStemmer.prototype);
EnglishStemmer.prototype.constructor = EnglishStemmer;
EnglishStemmer.g_aeo = new Set(["a", "e", "o"]);
EnglishStemmer.g_v = new Set(["a", "e", "i", "o", "u", "y"]);
EnglishStemmer.g_v_WXY = new Set(["Y", "a", "e", "i", "o", "u", "w", "x", "y"]);
EnglishStemmer.g_valid_LI = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);
EnglishStemmer.B_Y_found = false;
EnglishStemmer.prototype.B_Y_found = false;
EnglishStemmer.I_p2 = 0;
EnglishStemmer.prototype.I_p2 = 0;
EnglishStemmer.I_p1 = 0;
EnglishStemmer.prototype.I_p1 = 0;
EnglishStemmer.prototype.__r_prelude = function () {
this.B_Y_found = false;
var v_1 = this.cursor;
lab0_1: {
this.bra = this.cursor;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "'"))) {
break lab0_1;
}
this.cursor += 1;
this.ket = this.cursor;
this.slice_del();
}
this.cursor = v_1;
var v_2 = this.cursor;
lab0_2: {
this.bra = this.cursor;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "y"))) {
break lab0_2;
}
this.cursor += 1;
this.ket = this.cursor;
this.slice_from("Y");
this.B_Y_found = true;
}
this.cursor = v_2;
var v_3 = this.cursor;
lab0_3: {
while (true) {
var v_4 = this.cursor;
lab1_4: {
while (true) {
var v_5 = this.cursor;
lab2_5: {
if (!(this.in_grouping(EnglishStemmer.g_v))) {
break lab2_5;
}
this.bra = this.cursor;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "y"))) {
break lab2_5;
}
this.cursor += 1;
this.ket = this.cursor;
this.cursor = v_5;
break;
}
this.cursor = v_5;
if ((this.cursor >= this.limit)) {
break lab1_4;
}
this.cursor += 1;
}
this.slice_from("Y");
this.B_Y_found = true;
continue;
}
this.cursor = v_4;
break;
}
}
this.cursor = v_3;
return true;
};
EnglishStemmer.prototype.__r_mark_regions = function () {
this.I_p1 = this.limit;
this.I_p2 = this.limit;
var v_1 = this.cursor;
lab0_1: {
while (true) {
var v_2 = this.cursor;
lab1_2: {
if ((this.find_among(EnglishStemmer.a_0) === 0)) {
break lab1_2;
}
break;
}
this.cursor = v_2;
if (!(this.go_out_grouping(EnglishStemmer.g_v))) {
break lab0_1;
}
this.cursor += 1;
if (!(this.go_in_grouping(EnglishStemmer.g_v))) {
break lab0_1;
}
this.cursor += 1;
break;
}
this.I_p1 = this.cursor;
if (!(this.go_out_grouping(EnglishStemmer.g_v))) {
break lab0_1;
}
this.cursor += 1;
if (!(this.go_in_grouping(EnglishStemmer.g_v))) {
break lab0_1;
}
this.cursor += 1;
this.I_p2 = this.cursor;
}
this.cursor = v_1;
return true;
};
EnglishStemmer.prototype.__r_shortv = function () {
while (true) {
var v_1 = (this.limit - this.cursor);
lab0_1: {
if (!(this.out_grouping_b(EnglishStemmer.g_v_WXY))) {
break lab0_1;
}
if (!(this.in_grouping_b(EnglishStemmer.g_v))) {
break lab0_1;
}
if (!(this.out_grouping_b(EnglishStemmer.g_v))) {
break lab0_1;
}
break;
}
this.cursor = (this.limit - v_1);
lab0_2: {
if (!(this.out_grouping_b(EnglishStemmer.g_v))) {
break lab0_2;
}
if (!(this.in_grouping_b(EnglishStemmer.g_v))) {
break lab0_2;
}
if ((this.cursor > this.limit_backward)) {
break lab0_2;
}
break;
}
this.cursor = (this.limit - v_1);
if (!(this.eq_s_b("past"))) {
return false;
}
break;
}
return true;
};
EnglishStemmer.prototype.__r_R1 = function () {
return (this.I_p1 <= this.cursor);
};
EnglishStemmer.prototype.__r_R2 = function () {
return (this.I_p2 <= this.cursor);
};
EnglishStemmer.prototype.__r_Step_1a = function () {
var v_1 = (this.limit - this.cursor);
lab0_1: {
this.ket = this.cursor;
if ((this.find_among_b(EnglishStemmer.a_1) === 0)) {
this.cursor = (this.limit - v_1);
break lab0_1;
}
this.bra = this.cursor;
this.slice_del();
}
this.ket = this.cursor;
var among_var = this.find_among_b(EnglishStemmer.a_2);
if ((among_var === 0)) {
return false;
}
this.bra = this.cursor;
if ((among_var === 1)) {
this.slice_from("ss");
} else {
if ((among_var === 2)) {
while (true) {
var v_2 = (this.limit - this.cursor);
lab0_2: {
if (((this.cursor - 2) < this.limit_backward)) {
break lab0_2;
}
this.cursor -= 2;
this.slice_from("i");
break;
}
this.cursor = (this.limit - v_2);
this.slice_from("ie");
break;
}
} else {
if ((among_var === 3)) {
if ((this.cursor <= this.limit_backward)) {
return false;
}
this.cursor -= 1;
if (!(this.go_out_grouping_b(EnglishStemmer.g_v))) {
return false;
}
this.cursor -= 1;
this.slice_del();
}
}
}
return true;
};
EnglishStemmer.prototype.__r_Step_1b = function () {
this.ket = this.cursor;
var among_var = this.find_among_b(EnglishStemmer.a_5);
this.bra = this.cursor;
while (true) {
var v_1 = (this.limit - this.cursor);
lab0_1: {
if ((among_var === 1)) {
var v_2 = (this.limit - this.cursor);
lab1_2: {
if (!(this.__r_R1())) {
break lab1_2;
}
while (true) {
var v_3 = (this.limit - this.cursor);
lab2_3: {
if ((this.find_among_b(EnglishStemmer.a_3) === 0)) {
break lab2_3;
}
if ((this.cursor > this.limit_backward)) {
break lab2_3;
}
break;
}
this.cursor = (this.limit - v_3);
this.slice_from("ee");
break;
}
}
this.cursor = (this.limit - v_2);
} else {
if ((among_var === 2)) {
break lab0_1;
} else {
if ((among_var === 3)) {
among_var = this.find_among_b(EnglishStemmer.a_4);
if ((among_var === 0)) {
break lab0_1;
}
if ((among_var === 1)) {
var v_4 = (this.limit - this.cursor);
if (!(this.out_grouping_b(EnglishStemmer.g_v))) {
break lab0_1;
}
if ((this.cursor > this.limit_backward)) {
break lab0_1;
}
this.cursor = (this.limit - v_4);
this.bra = this.cursor;
this.slice_from("ie");
} else {
if ((this.cursor > this.limit_backward)) {
break lab0_1;
}
}
}
}
}
break;
}
this.cursor = (this.limit - v_1);
var v_5 = (this.limit - this.cursor);
if (!(this.go_out_grouping_b(EnglishStemmer.g_v))) {
return false;
}
this.cursor -= 1;
this.cursor = (this.limit - v_5);
this.slice_del();
this.ket = this.cursor;
this.bra = this.cursor;
var v_6 = (this.limit - this.cursor);
among_var = this.find_among_b(EnglishStemmer.a_6);
if ((among_var === 1)) {
this.slice_from("e");
return false;
} else {
if ((among_var === 2)) {
var v_7 = (this.limit - this.cursor);
lab0_4: {
if (!(this.in_grouping_b(EnglishStemmer.g_aeo))) {
break lab0_4;
}
if ((this.cursor > this.limit_backward)) {
break lab0_4;
}
return false;
}
this.cursor = (this.limit - v_7);
} else {
if ((this.cursor !== this.I_p1)) {
return false;
}
var v_8 = (this.limit - this.cursor);
if (!(this.__r_shortv())) {
return false;
}
this.cursor = (this.limit - v_8);
this.slice_from("e");
return false;
}
}
this.cursor = (this.limit - v_6);
this.ket = this.cursor;
if ((this.cursor <= this.limit_backward)) {
return false;
}
this.cursor -= 1;
this.bra = this.cursor;
this.slice_del();
break;
}
return true;
};
EnglishStemmer.prototype.__r_Step_1c = function () {
this.ket = this.cursor;
while (true) {
lab0_1: {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "y"))) {
break lab0_1;
}
this.cursor -= 1;
break;
}
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "Y"))) {
return false;
}
this.cursor -= 1;
break;
}
this.bra = this.cursor;
if (!(this.out_grouping_b(EnglishStemmer.g_v))) {
return false;
}
if ((this.cursor <= this.limit_backward)) {
return false;
}
this.slice_from("i");
return true;
};
EnglishStemmer.prototype.__r_Step_2 = function () {
this.ket = this.cursor;
var among_var = this.find_among_b(EnglishStemmer.a_7);
if ((among_var === 0)) {
return false;
}
this.bra = this.cursor;
if (!(this.__r_R1())) {
return false;
}
if ((among_var === 1)) {
this.slice_from("tion");
} else {
if ((among_var === 2)) {
this.slice_from("ence");
} else {
if ((among_var === 3)) {
this.slice_from("ance");
} else {
if ((among_var === 4)) {
this.slice_from("able");
} else {
if ((among_var === 5)) {
this.slice_from("ent");
} else {
if ((among_var === 6)) {
this.slice_from("ize");
} else {
if ((among_var === 7)) {
this.slice_from("ate");
} else {
if ((among_var === 8)) {
this.slice_from("al");
} else {
if ((among_var === 9)) {
this.slice_from("ful");
} else {
if ((among_var === 10)) {
this.slice_from("ous");
} else {
if ((among_var === 11)) {
this.slice_from("ive");
} else {
if ((among_var === 12)) {
this.slice_from("ble");
} else {
if ((among_var === 13)) {
this.slice_from("og");
} else {
if ((among_var === 14)) {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "l"))) {
return false;
}
this.cursor -= 1;
this.slice_from("og");
} else {
if ((among_var === 15)) {
this.slice_from("less");
} else {
if (!(this.in_grouping_b(EnglishStemmer.g_valid_LI))) {
return false;
}
this.slice_del();
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
return true;
};
EnglishStemmer.prototype.__r_Step_3 = function () {
this.ket = this.cursor;
var among_var = this.find_among_b(EnglishStemmer.a_8);
if ((among_var === 0)) {
return false;
}
this.bra = this.cursor;
if (!(this.__r_R1())) {
return false;
}
if ((among_var === 1)) {
this.slice_from("tion");
} else {
if ((among_var === 2)) {
this.slice_from("ate");
} else {
if ((among_var === 3)) {
this.slice_from("al");
} else {
if ((among_var === 4)) {
this.slice_from("ic");
} else {
if ((among_var === 5)) {
this.slice_del();
} else {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
}
}
}
}
}
return true;
};
EnglishStemmer.prototype.__r_Step_4 = function () {
this.ket = this.cursor;
var among_var = this.find_among_b(EnglishStemmer.a_9);
if ((among_var === 0)) {
return false;
}
this.bra = this.cursor;
if (!(this.__r_R2())) {
return false;
}
if ((among_var === 1)) {
this.slice_del();
} else {
while (true) {
lab0_1: {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "s"))) {
break lab0_1;
}
this.cursor -= 1;
break;
}
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "t"))) {
return false;
}
this.cursor -= 1;
break;
}
this.slice_del();
}
return true;
};
EnglishStemmer.prototype.__r_Step_5 = function () {
this.ket = this.cursor;
var among_var = this.find_among_b(EnglishStemmer.a_10);
if ((among_var === 0)) {
return false;
}
this.bra = this.cursor;
if ((among_var === 1)) {
while (true) {
lab0_1: {
if (!(this.__r_R2())) {
break lab0_1;
}
break;
}
if (!(this.__r_R1())) {
return false;
}
var v_1 = (this.limit - this.cursor);
lab0_2: {
if (!(this.__r_shortv())) {
break lab0_2;
}
return false;
}
this.cursor = (this.limit - v_1);
break;
}
this.slice_del();
} else {
if (!(this.__r_R2())) {
return false;
}
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "l"))) {
return false;
}
this.cursor -= 1;
this.slice_del();
}
return true;
};
EnglishStemmer.prototype.__r_exception1 = function () {
this.bra = this.cursor;
var among_var = this.find_among(EnglishStemmer.a_11);
if ((among_var === 0)) {
return false;
}
this.ket = this.cursor;
if ((this.cursor < this.limit)) {
return false;
}
if ((among_var > 0)) {
this.slice_from(EnglishStemmer.as_11[(among_var - 1)]);
}
return true;
};
EnglishStemmer.prototype.__r_postlude = function () {
if (!(this.B_Y_found)) {
return false;
}
while (true) {
var v_1 = this.cursor;
lab0_1: {
while (true) {
var v_2 = this.cursor;
lab1_2: {
this.bra = this.cursor;
if (((this.cursor === this.limit) || (this.current[this.cursor] !== "Y"))) {
break lab1_2;
}
this.cursor += 1;
this.ket = this.cursor;
this.cursor = v_2;
break;
}
this.cursor = v_2;
if ((this.cursor >= this.limit)) {
break lab0_1;
}
this.cursor += 1;
}
this.slice_from("y");
continue;
}
this.cursor = v_1;
break;
}
return true;
};
EnglishStemmer.prototype._stem = function () {
while (true) {
var v_1 = this.cursor;
lab0_1: {
if (!(this.__r_exception1())) {
break lab0_1;
}
break;
}
this.cursor = v_1;
lab0_2: {
lab1_3: {
if (((this.cursor + 3) > this.limit)) {
break lab1_3;
}
this.cursor += 3;
break lab0_2;
}
break;
}
this.cursor = v_1;
this.__r_prelude();
this.__r_mark_regions();
this.limit_backward = this.cursor;
this.cursor = this.limit;
var v_2 = (this.limit - this.cursor);
this.__r_Step_1a();
this.cursor = (this.limit - v_2);
var v_3 = (this.limit - this.cursor);
this.__r_Step_1b();
this.cursor = (this.limit - v_3);
var v_4 = (this.limit - this.cursor);
this.__r_Step_1c();
this.cursor = (this.limit - v_4);
var v_5 = (this.limit - this.cursor);
this.__r_Step_2();
this.cursor = (this.limit - v_5);
var v_6 = (this.limit - this.cursor);
this.__r_Step_3();
this.cursor = (this.limit - v_6);
var v_7 = (this.limit - this.cursor);
this.__r_Step_4();
this.cursor = (this.limit - v_7);
var v_8 = (this.limit - this.cursor);
this.__r_Step_5();
this.cursor = (this.limit - v_8);
this.cursor = this.limit_backward;
var v_9 = this.cursor;
this.__r_postlude();
this.cursor = v_9;
break;
}
return true;
};
EnglishStemmer.a_0 = [new Among("arsen", -(1), -(1)), new Among("commun", -(1), -(1)), new Among("emerg", -(1), -(1)), new Among("gener", -(1), -(1)), new Among("inter", -(1), -(1)), new Among("later", -(1), -(1)), new Among("organ", -(1), -(1)), new Among("past", -(1), -(1)), new Among("univers", -(1), -(1))];
EnglishStemmer.a_1 = [new Among("'", -(1), 1), new Among("'s'", 0, 1), new Among("'s", -(1), 1)];
EnglishStemmer.a_2 = [new Among("ied", -(1), 2), new Among("s", -(1), 3), new Among("ies", 1, 2), new Among("sses", 1, 1), new Among("ss", 1, -(1)), new Among("us", 1, -(1))];
EnglishStemmer.a_3 = [new Among("succ", -(1), 1), new Among("proc", -(1), 1), new Among("exc", -(1), 1)];
EnglishStemmer.a_4 = [new Among("even", -(1), 2), new Among("cann", -(1), 2), new Among("inn", -(1), 2), new Among("earr", -(1), 2), new Among("herr", -(1), 2), new Among("out", -(1), 2), new Among("y", -(1), 1)];
EnglishStemmer.a_5 = [new Among("", -(1), -(1)), new Among("ed", 0, 2), new Among("eed", 1, 1), new Among("ing", 0, 3), new Among("edly", 0, 2), new Among("eedly", 4, 1), new Among("ingly", 0, 2)];
EnglishStemmer.a_6 = [new Among("", -(1), 3), new Among("bb", 0, 2), new Among("dd", 0, 2), new Among("ff", 0, 2), new Among("gg", 0, 2), new Among("bl", 0, 1), new Among("mm", 0, 2), new Among("nn", 0, 2), new Among("pp", 0, 2), new Among("rr", 0, 2), new Among("at", 0, 1), new Among("tt", 0, 2), new Among("iz", 0, 1)];
EnglishStemmer.a_7 = [new Among("anci", -(1), 3), new Among("enci", -(1), 2), new Among("ogi", -(1), 14), new Among("li", -(1), 16), new Among("bli", 3, 12), new Among("abli", 4, 4), new Among("alli", 3, 8), new Among("fulli", 3, 9), new Among("lessli", 3, 15), new Among("ousli", 3, 10), new Among("entli", 3, 5), new Among("aliti", -(1), 8), new Among("biliti", -(1), 12), new Among("iviti", -(1), 11), new Among("tional", -(1), 1), new Among("ational", 14, 7), new Among("alism", -(1), 8), new Among("ation", -(1), 7), new Among("ization", 17, 6), new Among("izer", -(1), 6), new Among("ator", -(1), 7), new Among("iveness", -(1), 11), new Among("fulness", -(1), 9), new Among("ousness", -(1), 10), new Among("ogist", -(1), 13)];
EnglishStemmer.a_8 = [new Among("icate", -(1), 4), new Among("ative", -(1), 6), new Among("alize", -(1), 3), new Among("iciti", -(1), 4), new Among("ical", -(1), 4), new Among("tional", -(1), 1), new Among("ational", 5, 2), new Among("ful", -(1), 5), new Among("ness", -(1), 5)];
EnglishStemmer.a_9 = [new Among("ic", -(1), 1), new Among("ance", -(1), 1), new Among("ence", -(1), 1), new Among("able", -(1), 1), new Among("ible", -(1), 1), new Among("ate", -(1), 1), new Among("ive", -(1), 1), new Among("ize", -(1), 1), new Among("iti", -(1), 1), new Among("al", -(1), 1), new Among("ism", -(1), 1), new Among("ion", -(1), 2), new Among("er", -(1), 1), new Among("ous", -(1), 1), new Among("ant", -(1), 1), new Among("ent", -(1), 1), new Among("ment", 15, 1), new Among("ement", 16, 1)];
EnglishStemmer.a_10 = [new Among("e", -(1), 1), new Among("l", -(1), 2)];
EnglishStemmer.a_11 = [new Among("andes", -(1), -(1)), new Among("atlas", -(1), -(1)), new Among("bias", -(1), -(1)), new Among("cosmos", -(1), -(1)), new Among("early", -(1), 6), new Among("gently", -(1), 4), new Among("howe", -(1), -(1)), new Among("idly", -(1), 3), new Among("news", -(1), -(1)), new Among("only", -(1), 7), new Among("singly", -(1), 8), new Among("skies", -(1), 2), new Among("skis", -(1), 1), new Among("sky", -(1), -(1)), new Among("ugly", -(1), 5)];
EnglishStemmer.as_11 = ["ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl"];
function PortugueseStemmer() { BaseStemmer.call(this); }
PortugueseStemmer.prototype = Object.create(BaseStemmer.prototype);
PortugueseStemmer.prototype.constructor = PortugueseStemmer;
PortugueseStemmer.g_v = new Set(["a", "e", "i", "o", "u", "á", "â", "é", "ê", "í", "ó", "ô", "ú"]);
PortugueseStemmer.I_p2 = 0;
PortugueseStemmer.prototype.I_p2 = 0;
PortugueseStemmer.I_p1 = 0;
PortugueseStemmer.prototype.I_p1 = 0;
PortugueseStemmer.I_pV = 0;
PortugueseStemmer.prototype.I_pV = 0;
PortugueseStemmer.prototype.__r_prelude = function () {
while (true) {
var v_1 = this.cursor;
lab0_1: {
this.bra = this.cursor;
var among_var = this.find_among(PortugueseStemmer.a_0);
this.ket = this.cursor;
if ((among_var === 1)) {
this.slice_from("a~");
} else {
if ((among_var === 2)) {
this.slice_from("o~");
} else {
if ((this.cursor >= this.limit)) {
break lab0_1;
}
this.cursor += 1;
}
}
continue;
}
this.cursor = v_1;
break;
}
return true;
};
PortugueseStemmer.prototype.__r_mark_regions = function () {
this.I_pV = this.limit;
this.I_p1 = this.limit;
this.I_p2 = this.limit;
var v_1 = this.cursor;
lab0_1: {
while (true) {
var v_2 = this.cursor;
lab1_2: {
if (!(this.in_grouping(PortugueseStemmer.g_v))) {
break lab1_2;
}
while (true) {
var v_3 = this.cursor;
lab2_3: {
if (!(this.out_grouping(PortugueseStemmer.g_v))) {
break lab2_3;
}
if (!(this.go_out_grouping(PortugueseStemmer.g_v))) {
break lab2_3;
}
this.cursor += 1;
break;
}
this.cursor = v_3;
if (!(this.in_grouping(PortugueseStemmer.g_v))) {
break lab1_2;
}
if (!(this.go_in_grouping(PortugueseStemmer.g_v))) {
break lab1_2;
}
this.cursor += 1;
break;
}
break;
}
this.cursor = v_2;
if (!(this.out_grouping(PortugueseStemmer.g_v))) {
break lab0_1;
}
while (true) {
var v_4 = this.cursor;
lab1_4: {
if (!(this.out_grouping(PortugueseStemmer.g_v))) {
break lab1_4;
}
if (!(this.go_out_grouping(PortugueseStemmer.g_v))) {
break lab1_4;
}
this.cursor += 1;
break;
}
this.cursor = v_4;
if (!(this.in_grouping(PortugueseStemmer.g_v))) {
break lab0_1;
}
if ((this.cursor >= this.limit)) {
break lab0_1;
}
this.cursor += 1;
break;
}
break;
}
this.I_pV = this.cursor;
}
this.cursor = v_1;
var v_5 = this.cursor;
lab0_5: {
if (!(this.go_out_grouping(PortugueseStemmer.g_v))) {
break lab0_5;
}
this.cursor += 1;
if (!(this.go_in_grouping(PortugueseStemmer.g_v))) {
break lab0_5;
}
this.cursor += 1;
this.I_p1 = this.cursor;
if (!(this.go_out_grouping(PortugueseStemmer.g_v))) {
break lab0_5;
}
this.cursor += 1;
if (!(this.go_in_grouping(PortugueseStemmer.g_v))) {
break lab0_5;
}
this.cursor += 1;
this.I_p2 = this.cursor;
}
this.cursor = v_5;
return true;
};
PortugueseStemmer.prototype.__r_postlude = function () {
while (true) {
var v_1 = this.cursor;
lab0_1: {
this.bra = this.cursor;
var among_var = this.find_among(PortugueseStemmer.a_1);
this.ket = this.cursor;
if ((among_var === 1)) {
this.slice_from("ã");
} else {
if ((among_var === 2)) {
this.slice_from("õ");
} else {
if ((this.cursor >= this.limit)) {
break lab0_1;
}
this.cursor += 1;
}
}
continue;
}
this.cursor = v_1;
break;
}
return true;
};
PortugueseStemmer.prototype.__r_RV = function () {
return (this.I_pV <= this.cursor);
};
PortugueseStemmer.prototype.__r_R2 = function () {
return (this.I_p2 <= this.cursor);
};
PortugueseStemmer.prototype.__r_standard_suffix = function () {
this.ket = this.cursor;
var among_var = this.find_among_b(PortugueseStemmer.a_5);
if ((among_var === 0)) {
return false;
}
this.bra = this.cursor;
if ((among_var === 1)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
} else {
if ((among_var === 2)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_from("log");
} else {
if ((among_var === 3)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_from("u");
} else {
if ((among_var === 4)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_from("ente");
} else {
if ((among_var === 5)) {
if ((this.I_p1 > this.cursor)) {
return false;
}
this.slice_del();
var v_1 = (this.limit - this.cursor);
lab0_1: {
this.ket = this.cursor;
among_var = this.find_among_b(PortugueseStemmer.a_2);
if ((among_var === 0)) {
this.cursor = (this.limit - v_1);
break lab0_1;
}
this.bra = this.cursor;
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_1);
break lab0_1;
}
this.slice_del();
if ((among_var === 1)) {
this.ket = this.cursor;
if (!(this.eq_s_b("at"))) {
this.cursor = (this.limit - v_1);
break lab0_1;
}
this.bra = this.cursor;
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_1);
break lab0_1;
}
this.slice_del();
}
}
} else {
if ((among_var === 6)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
var v_2 = (this.limit - this.cursor);
lab0_2: {
this.ket = this.cursor;
if ((this.find_among_b(PortugueseStemmer.a_3) === 0)) {
this.cursor = (this.limit - v_2);
break lab0_2;
}
this.bra = this.cursor;
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_2);
break lab0_2;
}
this.slice_del();
}
} else {
if ((among_var === 7)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
var v_3 = (this.limit - this.cursor);
lab0_3: {
this.ket = this.cursor;
if ((this.find_among_b(PortugueseStemmer.a_4) === 0)) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.bra = this.cursor;
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_3);
break lab0_3;
}
this.slice_del();
}
} else {
if ((among_var === 8)) {
if (!(this.__r_R2())) {
return false;
}
this.slice_del();
var v_4 = (this.limit - this.cursor);
lab0_4: {
this.ket = this.cursor;
if (!(this.eq_s_b("at"))) {
this.cursor = (this.limit - v_4);
break lab0_4;
}
this.bra = this.cursor;
if (!(this.__r_R2())) {
this.cursor = (this.limit - v_4);
break lab0_4;
}
this.slice_del();
}
} else {
if (!(this.__r_RV())) {
return false;
}
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "e"))) {
return false;
}
this.cursor -= 1;
this.slice_from("ir");
}
}
}
}
}
}
}
}
return true;
};
PortugueseStemmer.prototype.__r_verb_suffix = function () {
if ((this.cursor < this.I_pV)) {
return false;
}
var v_2 = this.limit_backward;
this.limit_backward = this.I_pV;
this.ket = this.cursor;
if ((this.find_among_b(PortugueseStemmer.a_6) === 0)) {
this.limit_backward = v_2;
return false;
}
this.bra = this.cursor;
this.slice_del();
this.limit_backward = v_2;
return true;
};
PortugueseStemmer.prototype.__r_residual_suffix = function () {
this.ket = this.cursor;
if ((this.find_among_b(PortugueseStemmer.a_7) === 0)) {
return false;
}
this.bra = this.cursor;
if (!(this.__r_RV())) {
return false;
}
this.slice_del();
return true;
};
PortugueseStemmer.prototype.__r_residual_form = function () {
this.ket = this.cursor;
var among_var = this.find_among_b(PortugueseStemmer.a_8);
if ((among_var === 0)) {
return false;
}
this.bra = this.cursor;
if ((among_var === 1)) {
if (!(this.__r_RV())) {
return false;
}
this.slice_del();
this.ket = this.cursor;
while (true) {
var v_1 = (this.limit - this.cursor);
lab0_1: {
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "u"))) {
break lab0_1;
}
this.cursor -= 1;
this.bra = this.cursor;
var v_2 = (this.limit - this.cursor);
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "g"))) {
break lab0_1;
}
this.cursor -= 1;
this.cursor = (this.limit - v_2);
break;
}
this.cursor = (this.limit - v_1);
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "i"))) {
return false;
}
this.cursor -= 1;
this.bra = this.cursor;
var v_3 = (this.limit - this.cursor);
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "c"))) {
return false;
}
this.cursor -= 1;
this.cursor = (this.limit - v_3);
break;
}
if (!(this.__r_RV())) {
return false;
}
this.slice_del();
} else {
this.slice_from("c");
}
return true;
};
PortugueseStemmer.prototype._stem = function () {
var v_1 = this.cursor;
this.__r_prelude();
this.cursor = v_1;
this.__r_mark_regions();
this.limit_backward = this.cursor;
this.cursor = this.limit;
var v_2 = (this.limit - this.cursor);
lab0_1: {
while (true) {
var v_3 = (this.limit - this.cursor);
lab1_2: {
var v_4 = (this.limit - this.cursor);
while (true) {
var v_5 = (this.limit - this.cursor);
lab2_3: {
if (!(this.__r_standard_suffix())) {
break lab2_3;
}
break;
}
this.cursor = (this.limit - v_5);
if (!(this.__r_verb_suffix())) {
break lab1_2;
}
break;
}
this.cursor = (this.limit - v_4);
var v_6 = (this.limit - this.cursor);
lab2_4: {
this.ket = this.cursor;
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "i"))) {
break lab2_4;
}
this.cursor -= 1;
this.bra = this.cursor;
var v_7 = (this.limit - this.cursor);
if (((this.cursor <= this.limit_backward) || (this.current[(this.cursor - 1)] !== "c"))) {
break lab2_4;
}
this.cursor -= 1;
this.cursor = (this.limit - v_7);
if (!(this.__r_RV())) {
break lab2_4;
}
this.slice_del();
}
this.cursor = (this.limit - v_6);
break;
}
this.cursor = (this.limit - v_3);
if (!(this.__r_residual_suffix())) {
break lab0_1;
}
break;
}
}
this.cursor = (this.limit - v_2);
var v_8 = (this.limit - this.cursor);
this.__r_residual_form();
this.cursor = (this.limit - v_8);
this.cursor = this.limit_backward;
var v_9 = this.cursor;
this.__r_postlude();
this.cursor = v_9;
return true;
};
PortugueseStemmer.a_0 = [new Among("", -(1), 3), new Among("ã", 0, 1), new Among("õ", 0, 2)];
PortugueseStemmer.a_1 = [new Among("", -(1), 3), new Among("a~", 0, 1), new Among("o~", 0, 2)];
PortugueseStemmer.a_2 = [new Among("ic", -(1), -(1)), new Among("ad", -(1), -(1)), new Among("os", -(1), -(1)), new Among("iv", -(1), 1)];
PortugueseStemmer.a_3 = [new Among("ante", -(1), 1), new Among("avel", -(1), 1), new Among("ível", -(1), 1)];
PortugueseStemmer.a_4 = [new Among("ic", -(1), 1), new Among("abil", -(1), 1), new Among("iv", -(1), 1)];
PortugueseStemmer.a_5 = [new Among("ica", -(1), 1), new Among("ância", -(1), 1), new Among("ência", -(1), 4), new Among("logia", -(1), 2), new Among("ira", -(1), 9), new Among("adora", -(1), 1), new Among("osa", -(1), 1), new Among("ista", -(1), 1), new Among("iva", -(1), 8), new Among("eza", -(1), 1), new Among("idade", -(1), 7), new Among("ante", -(1), 1), new Among("mente", -(1), 6), new Among("amente", 12, 5), new Among("ável", -(1), 1), new Among("ível", -(1), 1), new Among("ico", -(1), 1), new Among("ismo", -(1), 1), new Among("oso", -(1), 1), new Among("amento", -(1), 1), new Among("imento", -(1), 1), new Among("ivo", -(1), 8), new Among("aça~o", -(1), 1), new Among("uça~o", -(1), 3), new Among("ador", -(1), 1), new Among("icas", -(1), 1), new Among("ências", -(1), 4), new Among("logias", -(1), 2), new Among("iras", -(1), 9), new Among("adoras", -(1), 1), new Among("osas", -(1), 1), new Among("istas", -(1), 1), new Among("ivas", -(1), 8), new Among("ezas", -(1), 1), new Among("idades", -(1), 7), new Among("adores", -(1), 1), new Among("antes", -(1), 1), new Among("aço~es", -(1), 1), new Among("uço~es", -(1), 3), new Among("icos", -(1), 1), new Among("ismos", -(1), 1), new Among("osos", -(1), 1), new Among("amentos", -(1), 1), new Among("imentos", -(1), 1), new Among("ivos", -(1), 8)];
PortugueseStemmer.a_6 = [new Among("ada", -(1), 1), new Among("ida", -(1), 1), new Among("ia", -(1), 1), new Among("aria", 2, 1), new Among("eria", 2, 1), new Among("iria", 2, 1), new Among("ara", -(1), 1), new Among("era", -(1), 1), new Among("ira", -(1), 1), new Among("ava", -(1), 1), new Among("asse", -(1), 1), new Among("esse", -(1), 1), new Among("isse", -(1), 1), new Among("aste", -(1), 1), new Among("este", -(1), 1), new Among("iste", -(1), 1), new Among("ei", -(1), 1), new Among("arei", 16, 1), new Among("erei", 16, 1), new Among("irei", 16, 1), new Among("am", -(1), 1), new Among("iam", 20, 1), new Among("ariam", 21, 1), new Among("eriam", 21, 1), new Among("iriam", 21, 1), new Among("aram", 20, 1), new Among("eram", 20, 1), new Among("iram", 20, 1), new Among("avam", 20, 1), new Among("em", -(1), 1), new Among("arem", 29, 1), new Among("erem", 29, 1), new Among("irem", 29, 1), new Among("assem", 29, 1), new Among("essem", 29, 1), new Among("issem", 29, 1), new Among("ado", -(1), 1), new Among("ido", -(1), 1), new Among("ando", -(1), 1), new Among("endo", -(1), 1), new Among("indo", -(1), 1), new Among("ara~o", -(1), 1), new Among("era~o", -(1), 1), new Among("ira~o", -(1), 1), new Among("ar", -(1), 1), new Among("er", -(1), 1), new Among("ir", -(1), 1), new Among("as", -(1), 1), new Among("adas", 47, 1), new Among("idas", 47, 1), new Among("ias", 47, 1), new Among("arias", 50, 1), new Among("erias", 50, 1), new Among("irias", 50, 1), new Among("aras", 47, 1), new Among("eras", 47, 1), new Among("iras", 47, 1), new Among("avas", 47, 1), new Among("es", -(1), 1), new Among("ardes", 58, 1), new Among("erdes", 58, 1), new Among("irdes", 58, 1), new Among("ares", 58, 1), new Among("eres", 58, 1), new Among("ires", 58, 1), new Among("asses", 58, 1), new Among("esses", 58, 1), new Among("isses", 58, 1), new Among("astes", 58, 1), new Among("estes", 58, 1), new Among("istes", 58, 1), new Among("is", -(1), 1), new Among("ais", 71, 1), new Among("eis", 71, 1), new Among("areis", 73, 1), new Among("ereis", 73, 1), new Among("ireis", 73, 1), new Among("áreis", 73, 1), new Among("éreis", 73, 1), new Among("íreis", 73, 1), new Among("ásseis", 73, 1), new Among("ésseis", 73, 1), new Among("ísseis", 73, 1), new Among("áveis", 73, 1), new Among("íeis", 73, 1), new Among("aríeis", 84, 1), new Among("eríeis", 84, 1), new Among("iríeis", 84, 1), new Among("ados", -(1), 1), new Among("idos", -(1), 1), new Among("amos", -(1), 1), new Among("áramos", 90, 1), new Among("éramos", 90, 1), new Among("íramos", 90, 1), new Among("ávamos", 90, 1), new Among("íamos", 90, 1), new Among("aríamos", 95, 1), new Among("eríamos", 95, 1), new Among("iríamos", 95, 1), new Among("emos", -(1), 1), new Among("aremos", 99, 1), new Among("eremos", 99, 1), new Among("iremos", 99, 1), new Among("ássemos", 99, 1), new Among("êssemos", 99, 1), new Among("íssemos", 99, 1), new Among("imos", -(1), 1), new Among("armos", -(1), 1), new Among("ermos", -(1), 1), new Among("irmos", -(1), 1), new Among("ámos", -(1), 1), new Among("arás", -(1), 1), new Among("erás", -(1), 1), new Among("irás", -(1), 1), new Among("eu", -(1), 1), new Among("iu", -(1), 1), new Among("ou", -(1), 1), new Among("ará", -(1), 1), new Among("erá", -(1), 1), new Among("irá", -(1), 1)];
PortugueseStemmer.a_7 = [new Among("a", -(1), 1), new Among("i", -(1), 1), new Among("o", -(1), 1), new Among("os", -(1), 1), new Among("á", -(1), 1), new Among("í", -(1), 1), new Among("ó", -(1), 1)];
PortugueseStemmer.a_8 = [new Among("e", -(1), 1), new Among("ç", -(1), 2), new Among("é", -(1), 1), new Among("ê", -(1), 1)];
function wrap(stemmer) {
return function (word) { return stemmer.stemWord(word); };
}
var api = {
version: "3.1.1",
french: wrap(new FrenchStemmer()),
english: wrap(new EnglishStemmer()),
portuguese: wrap(new PortugueseStemmer())
};
root.LaboSnowball = api;
if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
