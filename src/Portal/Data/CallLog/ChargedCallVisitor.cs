namespace Centrex.Portal.Data.CallLog;

/// <summary>Told each charged call of <see cref="CallLogStore.EachCharged"/>; its fields live only during the call.</summary>
public delegate void ChargedCallVisitor(in ChargedCall call);
