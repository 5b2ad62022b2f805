package p

func f(b bool) *int {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
if b {
y := 1
return &y
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
return nil
}
